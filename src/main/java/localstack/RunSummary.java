package localstack;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a finished run went, as {@code ./pipeline demo} ends: counts per stage, rates, latency, sample
 * rows, where things are. The benchmarks take their latencies from here too.
 */
public final class RunSummary {

    private RunSummary() {}

    public static void print(
            PrintWriter out,
            JsonNode run,
            RunTimeline timeline,
            List<JsonNode> readBack,
            double readySeconds,
            Path workDir,
            Path sidecarLog) {
        long requested = run.get("requested").asLong();
        long fetched = run.get("fetched").asLong();
        long rejected = run.path("rejected").asLong();
        long published = run.get("published").asLong();
        long persisted = run.get("persisted").asLong();
        out.printf(
                "%nSummary of run %s (%s)%n",
                run.get("runId").asText(), run.get("status").asText());
        out.printf("  %-34s %10s %12s %10s%n", "stage", "users", "done after", "users/s");
        out.printf("  %-34s %,10d%n", "requested", requested);
        stage(out, "fetched (RandomUser -> event store)", fetched, timeline.fetchedAt());
        out.printf("  %-34s %,10d%n", "rejected (no usable identity)", rejected);
        // kept users whose profile had a malformed optional field (docs/contracts.md, field problems)
        out.printf(
                "  %-34s %,10d, %,d with a field stored as null%n",
                "kept with field problems",
                run.path("usersWithFieldProblems").asLong(),
                run.path("usersWithFieldsNulled").asLong());
        stage(out, "published (outbox -> Kafka)", published, timeline.publishedAt());
        stage(out, "persisted (Spark -> Cassandra)", persisted, timeline.completedAt());
        long parked = run.path("parked").asLong();
        if (parked > 0) {
            // users Kafka refused for good: in the event store only, and the run did not wait for them
            out.printf(
                    "  %-34s %,10d  %s%n",
                    "parked (refused by Kafka)", parked, run.path("lastError").asText());
        }
        out.printf(
                "  POST to COMPLETED %.1f s; the stack was ready %.1f s after the start%n",
                timeline.completedAt(), readySeconds);
        List<Duration> latencies = latencies(readBack);
        if (!latencies.isEmpty()) {
            out.printf(
                    "  latency UserFetched -> persisted in Cassandra (%,d users): p50 %s, p99 %s, max %s%n",
                    latencies.size(),
                    seconds(Percentiles.nearestRank(latencies, 50)),
                    seconds(Percentiles.nearestRank(latencies, 99)),
                    seconds(latencies.get(latencies.size() - 1)));
        }
        out.printf(
                "  read back from Cassandra through GET /api/runs/{id}/users: %,d users%s%n",
                readBack.size(), readBack.size() < persisted ? " (the first pages)" : "");

        out.printf("%nFive users of the run, read back from Cassandra:%n");
        out.printf("  %-36s  %-26s  %-34s  %-3s  %s%n", "id", "name", "email", "nat", "born");
        readBack.stream()
                .limit(5)
                .forEach(u -> out.printf(
                        "  %-36s  %-26s  %-34s  %-3s  %s%n",
                        u.get("id").asText(),
                        cut(
                                u.path("firstName").asText() + " "
                                        + u.path("lastName").asText(),
                                26),
                        cut(u.path("email").asText(), 34),
                        u.path("nationality").asText(),
                        u.path("dob").asText("").replaceAll("T.*", "")));

        out.printf("%nData and logs (kept for the next run; --fresh wipes them):%n");
        out.printf("  event store  %s%n", workDir.resolve("eventstore"));
        out.printf("  Kafka        %s, log %s%n", workDir.resolve("kafka"), workDir.resolve("kafka/logs/server.log"));
        out.printf(
                "  Cassandra    %s, log %s%n",
                workDir.resolve("cassandra"), workDir.resolve("cassandra/logs/system.log"));
        out.printf(
                "  sidecar      checkpoint %s, log %s%n",
                workDir.resolve("sidecar/spark/checkpoints"),
                sidecarLog == null ? workDir.resolve("sidecar/logs/sidecar.log") : sidecarLog);
        out.flush();
    }

    private static void stage(PrintWriter out, String name, long users, double atSeconds) {
        out.printf("  %-34s %,10d %10.1f s %,10.0f%n", name, users, atSeconds, atSeconds > 0 ? users / atSeconds : 0);
    }

    /** persistedAt - fetchedAt per user, sorted. */
    public static List<Duration> latencies(List<JsonNode> users) {
        List<Duration> latencies = new ArrayList<>(users.size());
        for (JsonNode u : users) {
            if (u.hasNonNull("fetchedAt") && u.hasNonNull("persistedAt")) {
                latencies.add(Duration.between(
                        Instant.parse(u.get("fetchedAt").asText()),
                        Instant.parse(u.get("persistedAt").asText())));
            }
        }
        latencies.sort(null);
        return latencies;
    }

    private static String seconds(Duration d) {
        return String.format("%.2f s", d.toMillis() / 1000.0);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
