package embedded.randomuser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    private static final Set<String> API_PATHS =
        Set.of("/api", "/api/", "/api/1.3", "/api/1.3/", "/api/1.4", "/api/1.4/");
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final byte[] RESULTS_OPEN = "{\"results\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_SEED = "],\"info\":{\"seed\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_RESULTS = ",\"results\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_PAGE = ",\"page\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_VERSION = ",\"version\":\"1.4\"}}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_INFO_END = "]}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GARBAGE = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
        + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n")
        .getBytes(StandardCharsets.US_ASCII);
    private static final Nationality[] ALL_NATS = Nationality.ALL.toArray(new Nationality[0]);
    private static final long MAX_PAGE = 1_000_000_000_000L;
    private static final int MAX_CONTROL_BODY = 64 * 1024;

    private static final ThreadLocal<ByteSink> BUFFERS = ThreadLocal.withInitial(() -> new ByteSink(1 << 20));

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final UserWriter writer;
    private final FaultPlan faults = new FaultPlan();
    private final Stats stats = new Stats();
    private final URI baseUri;

    private RandomUserServer(HttpServer server, ExecutorService workers, ScheduledExecutorService delays,
                             UserWriter writer) {
        this.server = server;
        this.workers = workers;
        this.delays = delays;
        this.writer = writer;
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/1.4/");
    }

    /** Starts a server on 127.0.0.1:{@code port} (0 = a free port); ages are computed against today (UTC). */
    public static RandomUserServer start(int port) {
        return start(port, Clock.systemUTC());
    }

    /** As {@link #start(int)}, with the clock whose date (UTC, read once) ages are computed against. */
    public static RandomUserServer start(int port, Clock clock) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("randomuser-http-"));
        ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(daemonThreads("randomuser-delay-"));
        RandomUserServer s = new RandomUserServer(http, workers, delays,
            new UserWriter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        http.createContext("/", s::handle);
        http.setExecutor(workers);
        http.start();
        return s;
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s.close();
            stopped.countDown();
        }, "randomuser-shutdown"));
        System.out.println("RandomUser-compatible source: " + s.baseUri() + "?results=10&seed=demo");
        System.out.println("Faults: curl -X POST --data '429x3,503,garbage,slow=2s' " + s.controlUri() + "faults");
        System.out.println("Stats:  curl " + s.controlUri() + "stats");
        stopped.await();
    }

    // ------------------------------------------------------------------------------ routing

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (API_PATHS.contains(path)) {
                api(ex);
            } else if (path.startsWith("/_control/")) {
                control(ex, path);
            } else {
                send(ex, 404, JSON_TYPE, Json.error("Not found: " + path), -1);
            }
        } catch (IOException e) {
            ex.close(); // the client went away
        } catch (RuntimeException e) {
            try {
                send(ex, 500, JSON_TYPE, Json.error("internal error: " + e), -1);
            } catch (IOException | RuntimeException ignored) {
                ex.close();
            }
        }
    }

    private void api(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "GET");
            send(ex, 405, JSON_TYPE, Json.error("Method not allowed: " + ex.getRequestMethod()), -1);
            return;
        }
        Map<String, String> q = parseQuery(ex.getRequestURI().getRawQuery());
        Fault fault;
        String faultParam = q.get("fault");
        if (faultParam != null) {
            try {
                fault = Fault.parse(faultParam);
            } catch (IllegalArgumentException e) {
                send(ex, 400, JSON_TYPE, Json.error(e.getMessage()), -1);
                return;
            }
        } else {
            fault = faults.next();
        }
        stats.recordRequest();
        ApiRequest request = ApiRequest.from(q);
        if (fault == null) {
            sendUsers(ex, request);
            return;
        }
        stats.recordFault(fault);
        switch (fault.kind()) {
            case STATUS -> {
                if (fault.retryAfterSeconds() >= 0) {
                    ex.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                byte[] body = Json.error(reason(fault.status()));
                stats.recordBytes(body.length);
                send(ex, fault.status(), JSON_TYPE, body, -1);
            }
            case SLOW -> delays.schedule(() -> workers.execute(() -> {
                try {
                    sendUsers(ex, request);
                } catch (IOException | RuntimeException e) {
                    ex.close(); // e.g. the client timed out and closed the connection
                }
            }), fault.delay().toNanos(), TimeUnit.NANOSECONDS);
            case GARBAGE -> {
                stats.recordBytes(GARBAGE.length);
                send(ex, 200, JSON_TYPE, GARBAGE, -1);
            }
            case TRUNCATED -> {
                ByteSink body = render(request);
                int cut = body.len / 2;
                stats.recordBytes(cut);
                send(ex, 200, JSON_TYPE, body.buf, cut);
            }
            case ERROR_BODY -> {
                byte[] body = Json.error(fault.message());
                stats.recordBytes(body.length);
                send(ex, 200, JSON_TYPE, body, -1);
            }
            case DISCONNECT -> ex.close(); // no headers sent: the server closes the connection
        }
    }

    private void sendUsers(HttpExchange ex, ApiRequest request) throws IOException {
        ByteSink body = render(request);
        stats.recordUsers(request.results, body.len);
        send(ex, 200, JSON_TYPE, body.buf, body.len);
    }

    /** Renders a full response into this thread's buffer. */
    private ByteSink render(ApiRequest r) {
        ByteSink out = BUFFERS.get();
        if (out.buf.length > 64 << 20) {
            out = new ByteSink(1 << 20);
            BUFFERS.set(out);
        }
        out.reset();
        out.put(RESULTS_OPEN);
        long seedKey = UserWriter.seedKey(r.seed, r.natKey);
        long base = (r.page - 1) * r.results;
        for (int i = 0; i < r.results; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            writer.writeUser(out, seedKey, base + i, r.pool, r.forcedGender, r.fields);
        }
        if (r.noInfo) {
            out.put(NO_INFO_END);
        } else {
            out.put(INFO_SEED).putString(r.seed).put(INFO_RESULTS).putInt(r.results)
                .put(INFO_PAGE).putInt(r.page).put(INFO_VERSION);
        }
        return out;
    }

    private void control(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        switch (path) {
            case "/_control/faults" -> {
                switch (method) {
                    case "GET" -> sendJson(ex, 200, faults.toJson());
                    case "POST" -> {
                        String spec = readBody(ex);
                        try {
                            faults.enqueue(spec);
                        } catch (IllegalArgumentException e) {
                            send(ex, 400, JSON_TYPE, Json.error(e.getMessage()), -1);
                            return;
                        }
                        sendJson(ex, 200, faults.toJson());
                    }
                    case "DELETE" -> {
                        faults.clear();
                        sendJson(ex, 200, faults.toJson());
                    }
                    default -> notAllowed(ex, "GET, POST, DELETE");
                }
            }
            case "/_control/stats" -> {
                switch (method) {
                    case "GET" -> sendJson(ex, 200, stats.toJson());
                    case "DELETE" -> {
                        stats.reset();
                        sendJson(ex, 200, stats.toJson());
                    }
                    default -> notAllowed(ex, "GET, DELETE");
                }
            }
            default -> send(ex, 404, JSON_TYPE, Json.error("Not found: " + path), -1);
        }
    }

    private static void notAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        send(ex, 405, JSON_TYPE, Json.error("Method not allowed: " + ex.getRequestMethod()), -1);
    }

    private static void sendJson(HttpExchange ex, int status, String json) throws IOException {
        send(ex, status, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8), -1);
    }

    /** Sends {@code body[0..length)} (whole array when length < 0) with a fixed Content-Length, then closes. */
    private static void send(HttpExchange ex, int status, String contentType, byte[] body, int length)
            throws IOException {
        int n = length < 0 ? body.length : length;
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        ex.sendResponseHeaders(status, n == 0 ? -1 : n);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body, 0, n);
        } finally {
            ex.close();
        }
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_CONTROL_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** First value of each parameter, percent-decoded (UTF-8, '+' is a space). */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The parameters of one API request, resolved the way the real API does. */
    static final class ApiRequest {
        final int results;
        final long page;
        final String seed;
        final Nationality[] pool;
        final String natKey;
        final int forcedGender;
        final int fields;
        final boolean noInfo;

        private ApiRequest(int results, long page, String seed, Nationality[] pool, String natKey,
                           int forcedGender, int fields, boolean noInfo) {
            this.results = results;
            this.page = page;
            this.seed = seed;
            this.pool = pool;
            this.natKey = natKey;
            this.forcedGender = forcedGender;
            this.fields = fields;
            this.noInfo = noInfo;
        }

        static ApiRequest from(Map<String, String> q) {
            long results = parseLong(q.get("results"), 1);
            if (results < 1 || results > MAX_RESULTS) {
                results = 1;
            }
            long page = parseLong(q.get("page"), 1);
            if (page < 1 || page > MAX_PAGE) {
                page = 1;
            }
            String seed = q.get("seed");
            boolean seeded = seed != null && !seed.isEmpty();
            if (!seeded) {
                seed = String.format("%016x", ThreadLocalRandom.current().nextLong());
            }
            // nat: every code must be known, otherwise the filter is ignored
            Nationality[] pool = ALL_NATS;
            String natKey = "";
            String nat = q.get("nat");
            if (nat != null && !nat.isBlank()) {
                TreeSet<String> codes = new TreeSet<>();
                boolean allKnown = true;
                for (String c : nat.split(",")) {
                    String code = c.strip().toUpperCase(Locale.ROOT);
                    if (code.isEmpty()) {
                        continue;
                    }
                    if (Nationality.byCode(code) == null) {
                        allKnown = false;
                        break;
                    }
                    codes.add(code);
                }
                if (allKnown && !codes.isEmpty()) {
                    List<Nationality> chosen = new ArrayList<>();
                    codes.forEach(c -> chosen.add(Nationality.byCode(c)));
                    pool = chosen.toArray(new Nationality[0]);
                    natKey = String.join(",", codes);
                }
            }
            int forcedGender = -1;
            if (!seeded) {
                String gender = q.getOrDefault("gender", "").strip().toLowerCase(Locale.ROOT);
                if (gender.equals("male")) {
                    forcedGender = 0;
                } else if (gender.equals("female")) {
                    forcedGender = 1;
                }
            }
            int fields = UserWriter.ALL_FIELDS;
            int inc = fieldMask(q.get("inc"));
            if (inc != 0) {
                fields = inc;
            }
            fields &= ~fieldMask(q.get("exc"));
            return new ApiRequest((int) results, page, seed, pool, natKey, forcedGender, fields,
                q.containsKey("noinfo"));
        }

        private static int fieldMask(String list) {
            int mask = 0;
            if (list != null) {
                for (String f : list.split(",")) {
                    mask |= UserWriter.fieldBit(f.strip().toLowerCase(Locale.ROOT));
                }
            }
            return mask;
        }

        private static long parseLong(String s, long fallback) {
            if (s == null) {
                return fallback;
            }
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
    }
}
