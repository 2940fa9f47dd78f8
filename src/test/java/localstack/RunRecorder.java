package localstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import domain.run.RunStatus;

/**
 * Follows one run through {@code GET /api/runs/{id}} every 100 ms and keeps what each answer said,
 * with the time it came: the record from which a drill reads when the run stalled and when it moved
 * again. While the app is down (a drill may kill it) there are simply no samples.
 */
final class RunRecorder implements AutoCloseable {

    /**
     * One answer: when it came ({@link System#nanoTime()}), the persisted count, the status, and the
     * dependency the run said it waits for (null when none).
     */
    record Sample(long nanos, int persisted, String status, String waitingFor) {

        boolean isFinished() {
            return RunStatus.valueOf(status).isFinished();
        }
    }

    private static final Duration EVERY = Duration.ofMillis(100);

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-recorder");
        thread.setDaemon(true);
        return thread;
    });

    private RunRecorder() {}

    static RunRecorder follow(RunsClient api, String runId) {
        RunRecorder recorder = new RunRecorder();
        recorder.poller.scheduleWithFixedDelay(
                () -> recorder.sample(api, runId), 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return recorder;
    }

    private void sample(RunsClient api, String runId) {
        try {
            JsonNode run = api.run(runId);
            samples.add(new Sample(
                    System.nanoTime(),
                    run.get("persisted").asInt(),
                    run.get("status").asText(),
                    run.path("waitingFor").path("dependency").asText(null)));
        } catch (Exception appDownOrBusy) {
            // no answer, no sample: the gap is what the drill measures
        }
    }

    Optional<Sample> latest() {
        return samples.isEmpty() ? Optional.empty() : Optional.of(samples.get(samples.size() - 1));
    }

    /** The first answer at or after {@code nanos} that matches. */
    Optional<Sample> first(long nanos, Predicate<Sample> matching) {
        return samples.stream()
                .filter(sample -> sample.nanos() >= nanos && matching.test(sample))
                .findFirst();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
