package adapters.randomuser;

import java.net.http.HttpTimeoutException;

/**
 * The request's deadline passed while its body was still arriving: the JDK client's own request
 * timeout ends at the headers, so a slow or endless body would otherwise hold the page forever.
 */
final class BodyDeadlineException extends HttpTimeoutException {

    private static final long serialVersionUID = 1L;

    private final int receivedBytes;

    BodyDeadlineException(int receivedBytes) {
        super("the body was not complete by the deadline (" + receivedBytes + " bytes received)");
        this.receivedBytes = receivedBytes;
    }

    int receivedBytes() {
        return receivedBytes;
    }
}
