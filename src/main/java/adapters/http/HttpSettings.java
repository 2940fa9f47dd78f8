package adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the HTTP API listens and what it accepts (docs/security.md).
 *
 * @param host                 the interface to bind; the loopback default keeps the API off the network
 *                             until someone decides otherwise
 * @param port                 0 picks a free port (tests, several instances on one machine)
 * @param bearerToken          null turns authentication off; otherwise every {@code /api/*} request must
 *                             carry {@code Authorization: Bearer <token>}; at least {@value #MIN_TOKEN_LENGTH}
 *                             characters
 * @param maxRequestBodyBytes  larger bodies get 413 before they are parsed
 * @param tokenOnOperations    with a token, {@code /ready} and {@code /metrics} need it too (they stay
 *                             open by default for probes and scrapers)
 * @param allowedHosts         names a request's {@code Host} may carry (any port); empty: the loopback
 *                             names on a loopback bind (DNS rebinding), any name on other binds
 * @param openOnTrustedNetwork a non-loopback bind without a token is refused unless this says someone
 *                             decided the network is trusted
 */
public record HttpSettings(
        String host,
        int port,
        String bearerToken,
        int maxRequestBodyBytes,
        boolean tokenOnOperations,
        List<String> allowedHosts,
        boolean openOnTrustedNetwork) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 64 * 1024;

    /** 32 characters of base64 are 192 bits: out of reach of guessing at any request rate. */
    public static final int MIN_TOKEN_LENGTH = 32;

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
        if (bearerToken != null) {
            checkToken(bearerToken);
        }
        if (maxRequestBodyBytes < 1 || maxRequestBodyBytes > MAX_REQUEST_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be between 1 and "
                    + MAX_REQUEST_BODY_BYTES_LIMIT + ", was " + maxRequestBodyBytes);
        }
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        if (allowedHosts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("allowedHosts must not contain a blank name");
        }
    }

    /** The token itself stays out of every message: it may end up in a log. */
    private static void checkToken(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(
                    "the API token is empty: an empty token does not turn auth off; unset it, or set a real one");
        }
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the API token must be at least " + MIN_TOKEN_LENGTH
                    + " characters, was " + token.length() + " (e.g. openssl rand -base64 32)");
        }
        if (!B64TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("the API token must be characters of"
                    + " A-Z a-z 0-9 - . _ ~ + / optionally followed by '=' (RFC 6750 bearer token)");
        }
    }

    /** Loopback, port 8080, no authentication, 64 KiB bodies. */
    public static HttpSettings defaults() {
        return new HttpSettings(
                DEFAULT_HOST, DEFAULT_PORT, null, DEFAULT_MAX_REQUEST_BODY_BYTES, false, List.of(), false);
    }

    public HttpSettings withHost(String value) {
        return new HttpSettings(
                value, port, bearerToken, maxRequestBodyBytes, tokenOnOperations, allowedHosts, openOnTrustedNetwork);
    }

    public HttpSettings withPort(int value) {
        return new HttpSettings(
                host, value, bearerToken, maxRequestBodyBytes, tokenOnOperations, allowedHosts, openOnTrustedNetwork);
    }

    public HttpSettings withBearerToken(String value) {
        return new HttpSettings(
                host, port, value, maxRequestBodyBytes, tokenOnOperations, allowedHosts, openOnTrustedNetwork);
    }

    public HttpSettings withMaxRequestBodyBytes(int value) {
        return new HttpSettings(host, port, bearerToken, value, tokenOnOperations, allowedHosts, openOnTrustedNetwork);
    }

    public HttpSettings withTokenOnOperations(boolean value) {
        return new HttpSettings(
                host, port, bearerToken, maxRequestBodyBytes, value, allowedHosts, openOnTrustedNetwork);
    }

    public HttpSettings withAllowedHosts(List<String> value) {
        return new HttpSettings(
                host, port, bearerToken, maxRequestBodyBytes, tokenOnOperations, value, openOnTrustedNetwork);
    }

    public HttpSettings withOpenOnTrustedNetwork(boolean value) {
        return new HttpSettings(host, port, bearerToken, maxRequestBodyBytes, tokenOnOperations, allowedHosts, value);
    }

    public boolean authenticationEnabled() {
        return bearerToken != null;
    }

    /** True for 127.0.0.0/8, ::1 and names that resolve to them; an unknown name is not loopback (fail closed). */
    public boolean loopbackBind() {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Anyone on the network could drive the API: refused at start unless {@link #openOnTrustedNetwork}. */
    public boolean exposedWithoutToken() {
        return !authenticationEnabled() && !loopbackBind() && !openOnTrustedNetwork;
    }

    /** Settings get logged at startup; the token must not be. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", bearerToken=" + (bearerToken == null ? "off" : "***")
                + ", maxRequestBodyBytes=" + maxRequestBodyBytes + ", tokenOnOperations=" + tokenOnOperations
                + ", allowedHosts=" + allowedHosts + ", openOnTrustedNetwork=" + openOnTrustedNetwork + "]";
    }
}
