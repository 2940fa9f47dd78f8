package adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.javalin.http.Context;
import io.javalin.http.Header;

/** Guards the command routes when a token is configured. */
final class BearerAuth {

    private static final String SCHEME = "Bearer";

    private final byte[] expectedDigest;

    BearerAuth(String token) {
        this.expectedDigest = sha256(token);
    }

    void requireToken(Context ctx) {
        String presented = presentedToken(ctx.header(Header.AUTHORIZATION));
        // Comparing digests keeps the time independent of both content and length of the presented token.
        if (presented == null || !MessageDigest.isEqual(expectedDigest, sha256(presented))) {
            throw HttpProblem.unauthorized();
        }
    }

    /** The scheme name is case-insensitive (RFC 7235); the token is not. */
    private static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() <= SCHEME.length()
                || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || value.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        return value.substring(SCHEME.length() + 1).trim();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
