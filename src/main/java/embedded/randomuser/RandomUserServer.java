package embedded.randomuser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A RandomUser-compatible HTTP server on 127.0.0.1 (randomuser.me is unreachable from here), for the
 * demo and the tests. JDK only: {@code com.sun.net.httpserver} with a fixed pool of 4 worker threads.
 *
 * <h2>API</h2>
 * {@code GET /api/}, {@code /api/1.3/}, {@code /api/1.4/} (trailing slash optional) all answer in the
 * 1.4 shape {@code {"results":[...],"info":{"seed","results","page","version":"1.4"}}}. Parameters as
 * the real API: {@code results} (1..5000, anything else gives 1), {@code page} (default 1),
 * {@code seed} (default a random 16-hex seed, echoed in info), {@code nat} (comma list, case-insensitive;
 * one unknown code and the whole filter is ignored), {@code gender} (female/male, ignored with a seed),
 * {@code inc}/{@code exc} (top-level fields), {@code noinfo}. The user at global position
 * {@code (page-1)*results+i} of a (seed, nat filter) is always the same. Other paths: 404 with
 * {@code {"error":...}}.
 *
 * <h2>Faults</h2>
 * {@link #faults()} queues faults for the next API requests; the same plan is reachable over HTTP:
 * {@code POST /_control/faults} (body in the {@link Fault} text syntax, e.g.
 * {@code 429x3,503,garbage,truncated,slow=2000ms,error=Uh oh,every=5:503}; appends),
 * {@code GET /_control/faults}, {@code DELETE /_control/faults} (clears), {@code GET /_control/stats},
 * {@code DELETE /_control/stats} (resets). A single request can also ask for a fault with the
 * query parameter {@code fault=429} ({@code fault=garbage}, {@code fault=slow:500ms}, ...), which
 * bypasses the plan.
 */
public final class RandomUserServer implements AutoCloseable {

    /** Most users one request may ask for, as the real API. */
    public static final int MAX_RESULTS = 5000;

    static final int WORKER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final FaultPlan faults;
    private final Stats stats;
    private final URI baseUri;

    private RandomUserServer(
            HttpServer server,
            ExecutorService workers,
            ScheduledExecutorService delays,
            FaultPlan faults,
            Stats stats) {
        this.server = server;
        this.workers = workers;
        this.delays = delays;
        this.faults = faults;
        this.stats = stats;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/1.4/");
    }

    /** Starts a server on 127.0.0.1:{@code port} (0 = a free port); ages are computed against today (UTC). */
    public static RandomUserServer start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** As {@link #start(int)}, with the clock whose date (UTC, read once) ages are computed against. */
    public static RandomUserServer start(int port, Clock clock) {
        Nationalities nationalities = Nationalities.load();
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("randomuser-http-"));
        ScheduledExecutorService delays =
                Executors.newSingleThreadScheduledExecutor(daemonThreads("randomuser-delay-"));
        FaultPlan faults = new FaultPlan();
        Stats stats = new Stats();
        PageWriter pages = new PageWriter(new UserWriter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        ApiEndpoint api = new ApiEndpoint(nationalities, pages, faults, stats, workers, delays);
        http.createContext("/", new RequestRouter(api, new ControlEndpoint(faults, stats)));
        http.setExecutor(workers);
        http.start();
        return new RandomUserServer(http, workers, delays, faults, stats);
    }

    /** E.g. {@code http://127.0.0.1:PORT/api/1.4/}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/_control/}: faults and stats over HTTP. */
    public URI controlUri() {
        return baseUri.resolve("/_control/");
    }

    public FaultPlan faults() {
        return faults;
    }

    public Stats stats() {
        return stats;
    }

    @Override
    public void close() {
        server.stop(0);
        delays.shutdownNow();
        workers.shutdownNow();
    }

    /** Runs the server until killed: {@code RandomUserServer [port]} (default 0 = a free port). */
    public static void main(String[] args) throws InterruptedException {
        RandomUserServer s = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            s.close();
                            stopped.countDown();
                        },
                        "randomuser-shutdown"));
        System.out.println("RandomUser-compatible source: " + s.baseUri() + "?results=10&seed=demo");
        System.out.println("Faults: curl -X POST --data '429x3,503,garbage,slow=2s' " + s.controlUri() + "faults");
        System.out.println("Stats:  curl " + s.controlUri() + "stats");
        stopped.await();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
