package adapters.randomuser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
 * malformed bodies, bodies over their cap, redirects to another host) are thrown at once, since the
 * application decides when to try a page again. Every response is bounded: its body in bytes, on the
 * wire and inflated ({@link BodyLimits}), and the whole exchange in time (the request timeout).
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
        for (int attempt = 1; ; attempt++) {
            Attempt outcome = tryOnce(query, attempt);
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

    /** One request, with the same-host redirects it meets: a page, a failure worth retrying, or a thrown failure. */
    private Attempt tryOnce(PageQuery query, int attempt) {
        URI target = PageUrl.of(settings.baseUrl(), query);
        int maxBytes = BodyLimits.maxBytes(query.results());
        for (int redirects = 0; ; redirects++) {
            Received response;
            try {
                response = send(request(target), query, attempt, maxBytes);
            } catch (BodyTooLargeException e) {
                // the same request would bring the same body: the application decides when to ask again
                throw new MalformedPage(query.page(), tooLarge(e, query), e);
            } catch (IOException e) {
                return new Attempt.Failed(describe(e, target), Optional.empty(), e);
            }
            int status = response.status();
            if (SameHostRedirect.isRedirect(status)) {
                target = SameHostRedirect.next(target, status, response.headers(), redirects, query.page());
                continue;
            }
            byte[] body = body(response, query, maxBytes);
            if (status >= 200 && status < 300) {
                // parsed outside the request slot: the slot limits load on the source, not on our CPU
                return new Attempt.Succeeded(parser.parse(query, body));
            }
            String problem = "HTTP " + status + detail(body);
            if (status == 429 || status >= 500 && status <= 599) {
                Optional<Duration> retryAfter = response.headers()
                        .firstValue("Retry-After")
                        .flatMap(value -> Backoff.parseRetryAfter(
                                value, environment.clock().instant()));
                return new Attempt.Failed(problem, retryAfter, null);
            }
            throw new RejectedRequest(query.page(), problem);
        }
    }

    private HttpRequest request(URI target) {
        return HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
    }

    /** Sends, holding a concurrency slot only while the request is on the wire. */
    private Received send(HttpRequest request, PageQuery query, int attempt, int maxBytes) throws IOException {
        try {
            requestSlots.acquire();
        } catch (InterruptedException e) {
            throw interrupted(query, attempt - 1, "interrupted while waiting for a request slot", e);
        }
        try {
            // throttled inside the slot, so the time recorded is the time the request really goes out
            rateLimiter.acquire(query.results());
            return receive(request, maxBytes);
        } catch (InterruptedException e) {
            throw interrupted(query, attempt, "interrupted while requesting", e);
        } finally {
            requestSlots.release();
        }
    }

    /** The whole exchange, body included, within the request timeout, and at most maxBytes of body. */
    private Received receive(HttpRequest request, int maxBytes) throws IOException, InterruptedException {
        AtomicReference<BoundedBodySubscriber> body = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, info -> {
            BoundedBodySubscriber subscriber = new BoundedBodySubscriber(maxBytes);
            body.set(subscriber);
            return subscriber;
        });
        try {
            HttpResponse<byte[]> response =
                    pending.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return new Received(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            BoundedBodySubscriber started = body.get();
            HttpTimeoutException timeout = started == null
                    ? new HttpTimeoutException("request timed out")
                    : new BodyDeadlineException(started.received());
            abandon(pending, started, timeout);
            throw timeout;
        } catch (InterruptedException e) {
            abandon(pending, body.get(), e);
            throw e;
        } catch (ExecutionException e) {
            throw failureOf(e);
        }
    }

    private static void abandon(
            CompletableFuture<HttpResponse<byte[]>> pending, BoundedBodySubscriber body, Throwable reason) {
        if (body != null) {
            body.abandon(reason);
        }
        pending.cancel(true);
    }

    /** The I/O failure inside the client's wrappers; anything else is a bug and stays unchecked. */
    private static IOException failureOf(ExecutionException wrapped) {
        Throwable cause = wrapped.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    private static String tooLarge(BodyTooLargeException e, PageQuery query) {
        return e.getMessage() + " (the cap for " + query.results() + " users)";
    }

    /** ": the source's error text" or ": a body snippet", or nothing for an empty body. */
    private String detail(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        return ": " + parser.sourceError(body).orElseGet(() -> BodySnippet.of(body, 80));
    }

    /** The body as sent, or inflated when gzip: at most maxBytes either way (a gzip bomb stops there). */
    private static byte[] body(Received response, PageQuery query, int maxBytes) {
        byte[] raw = response.body();
        String encoding = response.headers()
                .firstValue("Content-Encoding")
                .orElse("")
                .strip()
                .toLowerCase(Locale.ROOT);
        if (!encoding.equals("gzip") || raw.length == 0) {
            return raw;
        }
        byte[] inflated;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            inflated = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new MalformedPage(
                    query.page(),
                    "gzip body that does not decompress (" + e.getMessage() + "); " + raw.length + " bytes",
                    e);
        }
        if (inflated.length > maxBytes) {
            throw new MalformedPage(
                    query.page(),
                    "gzip body of " + raw.length + " bytes that inflates to over " + maxBytes + " bytes (the cap for "
                            + query.results() + " users)",
                    null);
        }
        return inflated;
    }

    private String describe(IOException e, URI uri) {
        String target = " (" + uri.getHost() + ":" + port(uri) + ")";
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout after " + seconds(settings.connectTimeout()) + target;
        }
        if (e instanceof BodyDeadlineException late) {
            return "timeout after " + seconds(settings.requestTimeout()) + " with the body still arriving ("
                    + late.receivedBytes() + " bytes received)" + target;
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
        return SameHostRedirect.port(uri);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static Unavailable interrupted(PageQuery query, int attempts, String problem, InterruptedException e) {
        // the caller is being shut down: keep the flag for it, and give up on the page
        Thread.currentThread().interrupt();
        return new Unavailable(query.page(), attempts, problem, e);
    }

    /** A response with its whole body, as far as the caps let it come. */
    private record Received(int status, HttpHeaders headers, byte[] body) {}

    /** What one request came to, short of the failures that are thrown at once. */
    private sealed interface Attempt {

        record Succeeded(UserPage page) implements Attempt {}

        record Failed(String problem, Optional<Duration> retryAfter, Throwable cause) implements Attempt {}
    }
}
