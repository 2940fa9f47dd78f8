package bench;

import static bench.BenchOutput.progress;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

import adapters.kafka.KafkaUserPublisher;
import domain.event.UserFetched;
import domain.user.User;
import embedded.SparkSidecar;

/**
 * The sidecar's two drains of a round: a fresh JVM started on users already waiting in Kafka (as a
 * job is started on a backlog), then a second batch of users through the same, warm JVM. Every round
 * starts a new JVM on the same checkpoint, so it resumes after the last round's users.
 */
final class SidecarRounds {

    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    /** The two drains of one round. */
    record Round(SidecarDrain fresh, SidecarDrain warm) {}

    private final Path home;
    private final SparkSidecar.Config config;
    private final Duration startTimeout;
    private final KafkaUserPublisher publisher;
    private final PersistedWatcher watcher;
    private final List<User> profiles;
    private final long cassandraPid;
    private final PrintWriter out;

    SidecarRounds(
            Path home,
            SparkSidecar.Config config,
            Duration startTimeout,
            KafkaUserPublisher publisher,
            PersistedWatcher watcher,
            List<User> profiles,
            long cassandraPid,
            PrintWriter out) {
        this.home = home;
        this.config = config;
        this.startTimeout = startTimeout;
        this.publisher = publisher;
        this.watcher = watcher;
        this.profiles = profiles;
        this.cassandraPid = cassandraPid;
        this.out = out;
    }

    Round run(int users) {
        List<UserFetched> backlog = RawBaselines.batchOf(profiles, users);
        publisher.publish(backlog);
        double cassandraBefore = CpuUse.seconds(cassandraPid);
        long launchedMillis = System.currentTimeMillis();
        long launched = System.nanoTime();
        try (SparkSidecar sidecar = SparkSidecar.start(home, config, startTimeout, line -> progress(out, line))) {
            long started = System.nanoTime();
            long done = drain(sidecar, backlog, launched);
            SidecarDrain fresh = new SidecarDrain(
                    users,
                    CpuUse.seconds(sidecar.pid()),
                    CpuUse.seconds(cassandraPid) - cassandraBefore,
                    firstCommitAfter(launchedMillis) - (launchedMillis / 1e3),
                    (done - launched) / 1e9,
                    (done - started) / 1e9);
            progress(out, "fresh JVM: " + fresh);

            List<UserFetched> second = RawBaselines.batchOf(profiles, users);
            double sidecarBefore = CpuUse.seconds(sidecar.pid());
            cassandraBefore = CpuUse.seconds(cassandraPid);
            long publishedMillis = System.currentTimeMillis();
            long published = System.nanoTime();
            publisher.publish(second);
            done = drain(sidecar, second, published);
            SidecarDrain warm = new SidecarDrain(
                    users,
                    CpuUse.seconds(sidecar.pid()) - sidecarBefore,
                    CpuUse.seconds(cassandraPid) - cassandraBefore,
                    firstCommitAfter(publishedMillis) - (publishedMillis / 1e3),
                    (done - published) / 1e9,
                    (done - published) / 1e9);
            progress(out, "warm JVM:  " + warm);
            return new Round(fresh, warm);
        }
    }

    /** Waits until every user of {@code batch} is announced; the nanoTime then. */
    private long drain(SparkSidecar sidecar, List<UserFetched> batch, long begin) {
        UUID run = batch.get(0).runId().value();
        long lastReport = System.nanoTime();
        while (watcher.announced(run) < batch.size()) {
            if (!sidecar.isAlive()) {
                throw new IllegalStateException("the sidecar exited; see " + sidecar.logFile());
            }
            watcher.poll();
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                progress(
                        out,
                        String.format(
                                "%.0f s: %,d of %,d persisted",
                                (System.nanoTime() - begin) / 1e9, watcher.announced(run), batch.size()));
                lastReport = System.nanoTime();
            }
        }
        return System.nanoTime();
    }

    /**
     * When the first micro-batch after {@code millis} was committed, in epoch seconds: the time of its
     * file in the checkpoint's commit log, which Spark writes once the batch's sink returned, so just
     * after the batch's announcement: waits a little for it.
     */
    private double firstCommitAfter(long millis) {
        long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
        OptionalLong first = firstCommitFile(millis);
        while (first.isEmpty() && System.nanoTime() < deadline) {
            sleep();
            first = firstCommitFile(millis);
        }
        return first.orElseThrow(() -> new IllegalStateException("no micro-batch committed in " + COMMIT_WAIT)) / 1e3;
    }

    private OptionalLong firstCommitFile(long millis) {
        try (Stream<Path> files = Files.list(config.checkpointDir().resolve("commits"))) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+"))
                    .mapToLong(SidecarRounds::modifiedMillis)
                    .filter(modified -> modified >= millis)
                    .min();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long modifiedMillis(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
