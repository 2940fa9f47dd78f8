package application.port.in;

/**
 * The run exists, but its state does not allow the command now (e.g. a replay of a run still
 * fetching). The message is written for the client and says when to ask again. Maps to HTTP 409.
 */
public final class RunConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunConflictException(String message) {
        super(message);
    }
}
