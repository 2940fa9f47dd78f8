package embedded.randomuser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the loopback RandomUser source: fetches pages of 5000 users over real HTTP with
 * {@link HttpClient}, a few concurrent, and prints users/s and MB/s (a main, not a test).
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/classes:target/test-classes embedded.randomuser.RandomUserServerBenchmark [pages] [concurrency]
 * </pre>
 */
public final class RandomUserServerBenchmark {

    private RandomUserServerBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int pageSize = RandomUserServer.MAX_RESULTS;
        try (RandomUserServer server = RandomUserServer.start(0)) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            System.out.printf(
                    "RandomUserServer benchmark: %s, %d pages of %d, %d concurrent, %d cores%n",
                    server.baseUri(),
                    pages,
                    pageSize,
                    concurrency,
                    Runtime.getRuntime().availableProcessors());
            run(client, server.baseUri(), "warm-up", Math.max(10, pages / 2), pageSize, concurrency);
            for (int round = 1; round <= 3; round++) {
                run(client, server.baseUri(), "run " + round, pages, pageSize, concurrency);
            }
            System.out.println("server stats: " + server.stats().toJson());
        }
    }

    private static void run(HttpClient client, URI base, String label, int pages, int pageSize, int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger nextPage = new AtomicInteger(1);
        AtomicLong bytes = new AtomicLong();
        AtomicLong users = new AtomicLong();
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                futures.add(pool.submit(() -> {
                    for (int page = nextPage.getAndIncrement(); page <= pages; page = nextPage.getAndIncrement()) {
                        URI uri = base.resolve("?results=" + pageSize + "&page=" + page + "&seed=benchmark");
                        HttpResponse<byte[]> response = client.send(
                                HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + response.statusCode() + " for " + uri);
                        }
                        bytes.addAndGet(response.body().length);
                        users.addAndGet(pageSize);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-8s %,9d users in %6.2f s: %,10.0f users/s, %7.1f MB/s (%,d bytes/user)%n",
                label,
                users.get(),
                seconds,
                users.get() / seconds,
                bytes.get() / seconds / 1e6,
                users.get() == 0 ? 0 : bytes.get() / users.get());
    }
}
