package adapters.randomuser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A RandomUser stand-in on 127.0.0.1 that answers from a script: scripted replies first, in order,
 * then the fallback reply for every further request. Records each request's raw query.
 */
final class ScriptedServer implements AutoCloseable {

    /** How the server answers one request. */
    @FunctionalInterface
    interface Reply {
        void answer(HttpExchange exchange, ScriptedServer server) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private volatile Reply fallback = status(500, "no reply scripted");
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger hangUps = new AtomicInteger();

    ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // handlers run in parallel, as the concurrency test needs several requests in flight at once
        server.setExecutor(handlers);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/1.4/");
    }

    ScriptedServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    ScriptedServer always(Reply reply) {
        fallback = reply;
        return this;
    }

    List<String> queries() {
        return List.copyOf(queries);
    }

    int requests() {
        return queries.size();
    }

    int inFlight() {
        return inFlight.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int answered() {
        return answered.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        queries.add(exchange.getRequestURI().getRawQuery());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Reply reply = script.poll();
        try {
            (reply == null ? fallback : reply).answer(exchange, this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Called by a reply just before it writes: from here on the client may already hold the answer. */
    private void answering() {
        inFlight.decrementAndGet();
        answered.incrementAndGet();
    }

    static Reply status(int status, String body) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply status(int status, String body, Map<String, String> headers) {
        return bytes(status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Reply fixture(String name) {
        return bytes(200, fixtureBytes(name), Map.of("Content-Type", "application/json; charset=utf-8"));
    }

    static Reply gzippedFixture(String name) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(fixtureBytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(200, compressed.toByteArray(), Map.of("Content-Encoding", "gzip"));
    }

    static Reply bytes(int status, byte[] body, Map<String, String> headers) {
        return (exchange, server) -> {
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            server.answering();
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        };
    }

    /** Answers with {@code then} once the test releases a permit: a slow source under the test's control. */
    static Reply afterPermit(Semaphore gate, Reply then) {
        return (exchange, server) -> {
            if (!gate.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the reply");
            }
            then.answer(exchange, server);
        };
    }

    /** Never answers while the test runs: the client's request timeout has to end the request. */
    static Reply hang() {
        return (exchange, server) -> {
            server.closing.await(30, TimeUnit.SECONDS);
            server.answering();
        };
    }

    /** Gzip of {@code inflatedBytes} zeros: a few KB on the wire, as much as asked once inflated. */
    static Reply gzipBomb(int inflatedBytes) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[64 * 1024];
            for (int written = 0; written < inflatedBytes; written += zeros.length) {
                gzip.write(zeros, 0, Math.min(zeros.length, inflatedBytes - written));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes(200, compressed.toByteArray(), Map.of("Content-Encoding", "gzip"));
    }

    /**
     * A chunked 200 that writes {@code chunk} every {@code pause} until the client hangs up or the
     * server closes: an endless body with a zero pause, a slow drip with a long one.
     */
    static Reply endless(byte[] chunk, Duration pause) {
        return (exchange, server) -> {
            server.answering();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (server.closing.getCount() > 0) {
                    out.write(chunk);
                    out.flush();
                    if (!pause.isZero()) {
                        server.closing.await(pause.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            } catch (IOException clientHungUp) {
                server.hangUps.incrementAndGet();
            }
        };
    }

    /** Times a chunked body ended because the client closed the connection. */
    int hangUps() {
        return hangUps.get();
    }

    static Reply redirect(int status, String location) {
        return bytes(status, new byte[0], Map.of("Location", location));
    }

    static byte[] fixtureBytes(String name) {
        try (InputStream in = ScriptedServer.class.getResourceAsStream("/fixtures/randomuser/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
