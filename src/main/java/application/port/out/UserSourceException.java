package application.port.out;

/**
 * Why a page could not be fetched. The message is written for the run's status: it names the page
 * and what the source did, never a stack trace.
 */
public abstract sealed class UserSourceException extends RuntimeException
        permits UserSourceException.Unavailable,
                UserSourceException.RejectedRequest,
                UserSourceException.MalformedPage {

    private static final long serialVersionUID = 1L;

    private final int page;

    UserSourceException(int page, String message, Throwable cause) {
        super(message, cause);
        this.page = page;
    }

    public int page() {
        return page;
    }

    /** The source kept failing in a way that may pass (429, 5xx, timeouts, connection errors) until retries ran out. */
    public static final class Unavailable extends UserSourceException {
        private static final long serialVersionUID = 1L;
        private final int attempts;

        public Unavailable(int page, int attempts, String lastProblem, Throwable cause) {
            super(page, "page " + page + ": source unavailable after " + attempts + " attempts: " + lastProblem, cause);
            this.attempts = attempts;
        }

        public int attempts() {
            return attempts;
        }
    }

    /** The source answered with {@code {"error": "..."}}: retrying the same request will not help. */
    public static final class RejectedRequest extends UserSourceException {
        private static final long serialVersionUID = 1L;

        public RejectedRequest(int page, String sourceError) {
            super(page, "page " + page + ": the source rejected the request: " + sourceError, null);
        }
    }

    /** The body was not a RandomUser response (garbage, truncated JSON, no results array). */
    public static final class MalformedPage extends UserSourceException {
        private static final long serialVersionUID = 1L;

        public MalformedPage(int page, String problem, Throwable cause) {
            super(page, "page " + page + ": malformed response: " + problem, cause);
        }
    }
}
