package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
import domain.run.RequestLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedReadsTest {

    private final ExecutorService store = Executors.newFixedThreadPool(64);

    @AfterEach
    void stop() {
        store.shutdownNow();
    }

    @Test
    void given_a_full_users_page_when_reading_its_rows_then_never_more_than_the_limit_are_in_flight() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Integer> keys =
                IntStream.range(0, RequestLimits.MAX_USERS_PAGE_SIZE).boxed().toList();

        List<CompletableFuture<Integer>> reads = new BoundedReads(CassandraUsers.MAX_READS_PER_PAGE)
                .readAll(keys, key -> {
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    return CompletableFuture.supplyAsync(
                            () -> {
                                sleep(1);
                                inFlight.decrementAndGet();
                                return key * 2;
                            },
                            store);
                });

        assertThat(CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                        .thenApply(done ->
                                reads.stream().map(CompletableFuture::join).toList())
                        .get(30, TimeUnit.SECONDS))
                .isEqualTo(keys.stream().map(key -> key * 2).toList());
        assertThat(maxInFlight.get()).isEqualTo(CassandraUsers.MAX_READS_PER_PAGE);
    }

    @Test
    void given_failing_reads_when_reading_then_their_slots_are_given_back() throws Exception {
        List<CompletableFuture<Object>> reads = new BoundedReads(2)
                .readAll(List.of(1, 2, 3, 4, 5), key -> CompletableFuture.failedFuture(new IllegalStateException()));

        assertThat(reads).hasSize(5).allMatch(CompletableFuture::isCompletedExceptionally);
    }

    @Test
    void given_the_adapters_driver_config_then_the_session_is_throttled_by_concurrency() {
        DriverExecutionProfile profile = CassandraUsers.driverConfig(CassandraSettings.defaults("127.0.0.1:9042"))
                .build()
                .getInitialConfig()
                .getDefaultProfile();

        assertThat(profile.getString(DefaultDriverOption.REQUEST_THROTTLER_CLASS))
                .isEqualTo(ConcurrencyLimitingRequestThrottler.class.getName());
        assertThat(profile.getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS))
                .isEqualTo(CassandraUsers.MAX_CONCURRENT_REQUESTS);
        assertThat(profile.getInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE))
                .isEqualTo(CassandraUsers.MAX_QUEUED_REQUESTS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
