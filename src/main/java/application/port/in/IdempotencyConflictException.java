package application.port.in;

/**
 * An {@code Idempotency-Key} already names a run asked for with other parameters: answering with
 * that run would silently drop the new ones. The message names the parameters that differ. Maps to
 * HTTP 422.
 */
public final class IdempotencyConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
