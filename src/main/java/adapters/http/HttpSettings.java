package adapters.http;

import java.util.regex.Pattern;

/**
 * Where the HTTP API listens and what it accepts.
 *
 * @param host                 the interface to bind; the loopback default keeps the open read-only
 *                             routes off the network until someone decides otherwise
 * @param port                 0 picks a free port (tests, several instances on one machine)
 * @param bearerToken          null turns authentication off; otherwise every {@code /api/commands/*}
 *                             request must carry {@code Authorization: Bearer <token>}
 * @param maxRequestBodyBytes  larger bodies get 413 before they are parsed
 */
public record HttpSettings(String host, int port, String bearerToken, int maxRequestBodyBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

    /** A command body is a few hundred bytes; a limit far above that only lets a client make the server buffer more. */
    public static final int MAX_REQUEST_BODY_BYTES_LIMIT = 16 * 1024 * 1024;

    /** RFC 6750 b64token: a token outside this alphabet could not be sent in an Authorization header. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (bearerToken != null && !B64TOKEN.matcher(bearerToken).matches()) {
            // The token itself stays out of the message: it may end up in a log.
            throw new IllegalArgumentException("bearerToken must be null (auth off) or 1+ characters of"
                    + " A-Z a-z 0-9 - . _ ~ + / optionally followed by '=' (RFC 6750)");
        }
        if (maxRequestBodyBytes < 1 || maxRequestBodyBytes > MAX_REQUEST_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be between 1 and "
                    + MAX_REQUEST_BODY_BYTES_LIMIT + ", was " + maxRequestBodyBytes);
        }
    }

    /** Loopback, port 8080, no authentication, 64 KiB bodies. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_REQUEST_BODY_BYTES);
    }

    public HttpSettings withHost(String value) {
        return new HttpSettings(value, port, bearerToken, maxRequestBodyBytes);
    }

    public HttpSettings withPort(int value) {
        return new HttpSettings(host, value, bearerToken, maxRequestBodyBytes);
    }

    public HttpSettings withBearerToken(String value) {
        return new HttpSettings(host, port, value, maxRequestBodyBytes);
    }

    public HttpSettings withMaxRequestBodyBytes(int value) {
        return new HttpSettings(host, port, bearerToken, value);
    }

    public boolean authenticationEnabled() {
        return bearerToken != null;
    }

    /** Settings get logged at startup; the token must not be. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", bearerToken=" + (bearerToken == null ? "off" : "***")
                + ", maxRequestBodyBytes=" + maxRequestBodyBytes + "]";
    }
}
