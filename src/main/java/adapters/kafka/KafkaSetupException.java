package adapters.kafka;

/** The adapter could not create its clients or its topics; the message names the servers and topics. */
public final class KafkaSetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    KafkaSetupException(String message, Throwable cause) {
        super(message + ": " + Failures.describe(cause), cause);
    }

    /** A configuration the app refuses before any client exists. */
    KafkaSetupException(String message) {
        super(message);
    }
}
