package adapters.cassandra;

import domain.run.RunId;

/**
 * A client sent a page token this adapter did not issue for the run: a client error (the port's
 * contract maps {@link IllegalArgumentException} to a 400), never a store failure.
 */
final class InvalidPagingTokenException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient RunId runId;
    private final String reason;

    InvalidPagingTokenException(RunId runId, String token, String reason, Throwable cause) {
        super("page token '" + abbreviate(token) + "' is not one of run " + runId + "'s: " + reason, cause);
        this.runId = runId;
        this.reason = reason;
    }

    RunId runId() {
        return runId;
    }

    String reason() {
        return reason;
    }

    private static String abbreviate(String token) {
        // only the token's own alphabet is shown; the ellipsis is added after, so it stays one
        String shown = token.length() <= 40 ? token : token.substring(0, 40);
        return shown.replaceAll("[^A-Za-z0-9_=-]", "?") + (token.length() > 40 ? "..." : "");
    }
}
