package adapters.randomuser;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the adapter talks to a RandomUser-compatible source.
 *
 * @param baseUrl               the versioned API root, e.g. {@code https://randomuser.me/api/1.4/}; the
 *                              query string is appended to it as is
 * @param requestTimeout        the longest one request may take, body included (a 5000-user page is ~5 MB)
 * @param connectTimeout        the longest opening a connection may take
 * @param maxAttempts           requests per page, the first one included, before giving up
 * @param initialBackoff        the upper bound of the first retry's jittered wait; it doubles per retry
 * @param maxBackoff            the cap of that bound
 * @param maxConcurrentRequests page requests in flight at once, across all threads
 * @param rateLimit             users that may be requested per window when the limit is in force
 * @param rateLimitMode         whether {@code rateLimit} is in force: see {@link #effectiveRateLimit()}
 */
public record RandomUserSettings(
        URI baseUrl,
        Duration requestTimeout,
        Duration connectTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        int maxConcurrentRequests,
        RateLimit rateLimit,
        RateLimitMode rateLimitMode) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://randomuser.me/api/1.4/");

    /** Below the public API's 20,000 users per 5 minutes per IP, leaving room for other clients on the same address. */
    public static final RateLimit DEFAULT_RATE_LIMIT = new RateLimit(18_000, Duration.ofMinutes(5));

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** Whether the client-side rate limit applies. */
    public enum RateLimitMode {
        /** On, except for a loopback base URL: a local stand-in has no quota to protect and tests should not wait. */
        AUTOMATIC,
        ON,
        OFF
    }

    /** At most {@code users} users requested in any sliding {@code window}. */
    public record RateLimit(int users, Duration window) {

        public RateLimit {
            if (users < 1) {
                throw new IllegalArgumentException("rateLimit.users must be >= 1, was " + users);
            }
            requirePositive("rateLimit.window", window);
        }
    }

    public RandomUserSettings {
        requireHttpUrl(baseUrl);
        requirePositive("requestTimeout", requestTimeout);
        requirePositive("connectTimeout", connectTimeout);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff must be >= initialBackoff (" + initialBackoff + "), was " + maxBackoff);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("maxConcurrentRequests must be >= 1, was " + maxConcurrentRequests);
        }
        Objects.requireNonNull(rateLimit, "rateLimit must not be null");
        Objects.requireNonNull(rateLimitMode, "rateLimitMode must not be null");
    }

    /** The public API at randomuser.me with the limits described on each component. */
    public static RandomUserSettings defaults() {
        return new RandomUserSettings(
                DEFAULT_BASE_URL,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                6,
                Duration.ofMillis(250),
                Duration.ofSeconds(10),
                4,
                DEFAULT_RATE_LIMIT,
                RateLimitMode.AUTOMATIC);
    }

    public RandomUserSettings withBaseUrl(URI url) {
        return new RandomUserSettings(
                url,
                requestTimeout,
                connectTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxConcurrentRequests,
                rateLimit,
                rateLimitMode);
    }

    public RandomUserSettings withRequestTimeout(Duration timeout) {
        return new RandomUserSettings(
                baseUrl,
                timeout,
                connectTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxConcurrentRequests,
                rateLimit,
                rateLimitMode);
    }

    public RandomUserSettings withConnectTimeout(Duration timeout) {
        return new RandomUserSettings(
                baseUrl,
                requestTimeout,
                timeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxConcurrentRequests,
                rateLimit,
                rateLimitMode);
    }

    public RandomUserSettings withMaxAttempts(int attempts) {
        return new RandomUserSettings(
                baseUrl,
                requestTimeout,
                connectTimeout,
                attempts,
                initialBackoff,
                maxBackoff,
                maxConcurrentRequests,
                rateLimit,
                rateLimitMode);
    }

    public RandomUserSettings withBackoff(Duration initial, Duration max) {
        return new RandomUserSettings(
                baseUrl,
                requestTimeout,
                connectTimeout,
                maxAttempts,
                initial,
                max,
                maxConcurrentRequests,
                rateLimit,
                rateLimitMode);
    }

    public RandomUserSettings withMaxConcurrentRequests(int requests) {
        return new RandomUserSettings(
                baseUrl,
                requestTimeout,
                connectTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                requests,
                rateLimit,
                rateLimitMode);
    }

    /** Turns the limit on with these figures, whatever the base URL. */
    public RandomUserSettings withRateLimit(int users, Duration window) {
        return new RandomUserSettings(
                baseUrl,
                requestTimeout,
                connectTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxConcurrentRequests,
                new RateLimit(users, window),
                RateLimitMode.ON);
    }

    /** Turns the limit off, whatever the base URL. */
    public RandomUserSettings withoutRateLimit() {
        return new RandomUserSettings(
                baseUrl,
                requestTimeout,
                connectTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxConcurrentRequests,
                rateLimit,
                RateLimitMode.OFF);
    }

    /** The limit the adapter enforces, or empty when requests are not throttled. */
    public Optional<RateLimit> effectiveRateLimit() {
        return switch (rateLimitMode) {
            case ON -> Optional.of(rateLimit);
            case OFF -> Optional.empty();
            case AUTOMATIC -> isLoopback(baseUrl) ? Optional.empty() : Optional.of(rateLimit);
        };
    }

    /** True for localhost, 127.0.0.0/8 and ::1. Never resolves a name: only literals and "localhost" count. */
    static boolean isLoopback(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.equals("localhost.")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return isLoopbackLiteral(host.substring(1, host.length() - 1));
        }
        return IPV4_LITERAL.matcher(host).matches() && isLoopbackLiteral(host);
    }

    private static boolean isLoopbackLiteral(String literal) {
        try {
            // getByName does not touch DNS for an IP literal
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static void requireHttpUrl(URI url) {
        Objects.requireNonNull(url, "baseUrl must not be null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException(
                    "baseUrl must be an absolute http(s) URL with a host, was '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "baseUrl must not carry a query or fragment (the adapter writes the query), was '" + url + "'");
        }
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
