package adapters.randomuser;

import java.io.IOException;

/** A response body grew past its cap; the reading stopped there. */
final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    BodyTooLargeException(String what, long limit) {
        super(what + " over " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
