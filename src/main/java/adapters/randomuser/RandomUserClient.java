package adapters.randomuser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPInputStream;

import application.port.out.FetchUserPagePort;
import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException.MalformedPage;
import application.port.out.UserSourceException.RejectedRequest;
import application.port.out.UserSourceException.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages over HTTP/1.1. Transient failures (429, 5xx, timeouts, connection errors) are retried
 * here with backoff; answers that would come back the same ({@code {"error"}} bodies, other 4xx,
 * malformed bodies) are thrown at once, since the application decides when to try a page again.
 */
final class RandomUserClient implements FetchUserPagePort {

    private static final Logger LOG = LoggerFactory.getLogger(RandomUserClient.class);

    private final RandomUserSettings settings;
    private final HttpClient http;
    private final PageParser parser;
    private final Semaphore requestSlots;
    private final UserRateLimiter rateLimiter;
    private final Backoff backoff;
    private final Environment environment;

    RandomUserClient(
            RandomUserSettings settings,
            HttpClient http,
            PageParser parser,
            UserRateLimiter rateLimiter,
            Environment environment) {
        this.settings = settings;
        this.http = http;
        this.parser = parser;
        // fair, so a page waiting for a slot is not overtaken indefinitely by later ones
        this.requestSlots = new Semaphore(settings.maxConcurrentRequests(), true);
        this.rateLimiter = rateLimiter;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), environment.jitter());
        this.environment = environment;
    }

    @Override
    public UserPage fetchPage(PageQuery query) {
        HttpRequest request = HttpRequest.newBuilder(PageUrl.of(settings.baseUrl(), query))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = tryOnce(request, query, attempt);
            if (outcome instanceof Attempt.Succeeded succeeded) {
                return succeeded.page();
            }
            Attempt.Failed failed = (Attempt.Failed) outcome;
            if (attempt >= settings.maxAttempts()) {
                throw new Unavailable(query.page(), attempt, failed.problem(), failed.cause());
            }
            Duration wait = backoff.delay(attempt, failed.retryAfter());
            int attempts = attempt;
            LOG.atDebug().log(() -> "page " + query.page() + ": " + failed.problem() + " on attempt " + attempts
                    + " of " + settings.maxAttempts() + ", retrying in " + wait.toMillis() + " ms");
            try {
                environment.sleeper().sleep(wait);
            } catch (InterruptedException e) {
                throw interrupted(query, attempt, "interrupted while waiting to retry after " + failed.problem(), e);
            }
        }
    }

    /** One request: a page, a failure worth retrying, or a thrown failure that retrying cannot change. */
    private Attempt tryOnce(HttpRequest request, PageQuery query, int attempt) {
        HttpResponse<byte[]> response;
        try {
            response = send(request, query, attempt);
        } catch (IOException e) {
            return new Attempt.Failed(describe(e, request.uri()), Optional.empty(), e);
        }
        int status = response.statusCode();
        byte[] body = body(response, query);
        if (status >= 200 && status < 300) {
            // parsed outside the request slot: the slot limits load on the source, not on our CPU
            return new Attempt.Succeeded(parser.parse(query, body));
        }
        String problem = "HTTP " + status + detail(body);
        if (status == 429 || status >= 500 && status <= 599) {
            Optional<Duration> retryAfter = response.headers()
                    .firstValue("Retry-After")
                    .flatMap(value ->
                            Backoff.parseRetryAfter(value, environment.clock().instant()));
            return new Attempt.Failed(problem, retryAfter, null);
        }
        throw new RejectedRequest(query.page(), problem);
    }

    /** Sends, holding a concurrency slot only while the request is on the wire. */
    private HttpResponse<byte[]> send(HttpRequest request, PageQuery query, int attempt) throws IOException {
        try {
            requestSlots.acquire();
        } catch (InterruptedException e) {
            throw interrupted(query, attempt - 1, "interrupted while waiting for a request slot", e);
        }
        try {
            // throttled inside the slot, so the time recorded is the time the request really goes out
            rateLimiter.acquire(query.results());
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            throw interrupted(query, attempt, "interrupted while requesting", e);
        } finally {
            requestSlots.release();
        }
    }

    /** ": the source's error text" or ": a body snippet", or nothing for an empty body. */
    private String detail(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        return ": " + parser.sourceError(body).orElseGet(() -> BodySnippet.of(body, 80));
    }

    private static byte[] body(HttpResponse<byte[]> response, PageQuery query) {
        byte[] raw = response.body();
        String encoding = response.headers()
                .firstValue("Content-Encoding")
                .orElse("")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (!encoding.equals("gzip") || raw.length == 0) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new MalformedPage(
                    query.page(),
                    "gzip body that does not decompress (" + e.getMessage() + "); " + raw.length + " bytes",
                    e);
        }
    }

    private String describe(IOException e, URI uri) {
        String target = " (" + uri.getHost() + ":" + port(uri) + ")";
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout after " + seconds(settings.connectTimeout()) + target;
        }
        if (e instanceof HttpTimeoutException) {
            return "timeout after " + seconds(settings.requestTimeout()) + target;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (e instanceof ConnectException || message.contains("connection refused")) {
            return (message.isEmpty() || message.contains("refused")
                            ? "connection refused"
                            : "connection failed: " + BodySnippet.clean(e.getMessage(), 120))
                    + target;
        }
        if (message.contains("reset")) {
            return "connection reset" + target;
        }
        return "I/O error: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : BodySnippet.clean(e.getMessage(), 120))
                + target;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Unavailable interrupted(PageQuery query, int attempts, String problem, InterruptedException e) {
        // the caller is being shut down: keep the flag for it, and give up on the page
        Thread.currentThread().interrupt();
        return new Unavailable(query.page(), attempts, problem, e);
    }

    /** What one request came to, short of the failures that are thrown at once. */
    private sealed interface Attempt {

        record Succeeded(UserPage page) implements Attempt {}

        record Failed(String problem, Optional<Duration> retryAfter, Throwable cause) implements Attempt {}
    }
}
