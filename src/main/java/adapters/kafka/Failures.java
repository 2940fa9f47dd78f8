package adapters.kafka;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaException;

/** Turns the wrapped exceptions of Kafka's futures into the one line an operator needs. */
final class Failures {

    private Failures() {}

    /** The innermost useful cause as {@code SimpleName: message}, on one line. */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return CachedProbe.oneLine(text);
    }

    /**
     * Futures wrap the real failure in ExecutionException (or CompletionException), client
     * constructors in a bare KafkaException ("Failed to construct kafka producer"): strip those.
     */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException
                        || cause instanceof CompletionException
                        || cause.getClass() == KafkaException.class)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
