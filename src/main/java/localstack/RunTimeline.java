package localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a run went, as seen by polling {@code GET /api/runs/{id}} until it ended: its final status and
 * when (seconds after following began, i.e. after the POST) every user was fetched into the event
 * store, published to Kafka, and the run COMPLETED.
 */
public record RunTimeline(String status, double fetchedAt, double publishedAt, double completedAt) {

    public boolean completed() {
        return "COMPLETED".equals(status);
    }

    /** Polls every {@code pause} until the run has ended ({@link RunProgress#ended()}); {@code onEachPoll} sees every look. */
    public static RunTimeline follow(RunsClient api, String runId, Duration pause, Consumer<RunProgress> onEachPoll)
            throws IOException, InterruptedException {
        long begin = System.nanoTime();
        double fetchedAt = -1;
        double publishedAt = -1;
        while (true) {
            JsonNode run = api.run(runId);
            double seconds = (System.nanoTime() - begin) / 1e9;
            RunProgress now = new RunProgress(
                    run.get("status").asText(),
                    run.get("requested").asLong(),
                    run.get("fetched").asLong(),
                    run.get("published").asLong(),
                    run.get("persisted").asLong(),
                    seconds,
                    waitingFor(run.path("waitingFor")));
            // fetched counts only the users kept; of those, parked ones are never published
            long accepted = now.fetched() - run.path("parked").asLong();
            if (fetchedAt < 0 && !"REQUESTED".equals(now.status()) && !"FETCHING".equals(now.status())) {
                fetchedAt = seconds;
            }
            if (publishedAt < 0 && fetchedAt >= 0 && now.published() >= accepted) {
                publishedAt = seconds;
            }
            onEachPoll.accept(now);
            if (now.ended()) {
                return new RunTimeline(now.status(), fetchedAt, publishedAt < 0 ? seconds : publishedAt, seconds);
            }
            Thread.sleep(pause.toMillis());
        }
    }

    /** {@code {"dependency":"kafka","seconds":12}} reads "Kafka since 12 s"; absent or null reads null. */
    static String waitingFor(JsonNode waiting) {
        String dependency = waiting.path("dependency").asText("");
        if (dependency.isEmpty()) {
            return null;
        }
        String name = switch (dependency) {
            case "kafka" -> "Kafka";
            case "cassandra" -> "Cassandra";
            case "eventstore" -> "the event store";
            default -> dependency;
        };
        return name + " since " + waiting.path("seconds").asLong() + " s";
    }
}
