package adapters.eventstore;

/** The event store's database cannot be reached or refused an operation. */
public final class EventStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
