package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import bench.BenchResults.Run;
import com.fasterxml.jackson.databind.ObjectWriter;
import json.PipelineJson;

/**
 * A results directory: each run's JSON (every figure and every repetition), markdown table and PNG
 * plots under a timestamp, and a copy of each as {@code latest-*}.
 */
final class BenchResultsFiles {

    /** Indented: the JSON is read by people as much as by scripts. */
    private static final ObjectWriter JSON = PipelineJson.mapper().writerWithDefaultPrettyPrinter();

    private BenchResultsFiles() {}

    /** Writes {@code <dir>/<timestamp>/} and refreshes {@code <dir>/latest.*}; returns the run's directory. */
    static Path write(BenchResults results, Path dir) throws IOException {
        Path run = Files.createDirectories(
                dir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        JSON.writeValue(run.resolve("results.json").toFile(), document(results));
        Files.writeString(run.resolve("results.md"), BenchMarkdown.of(results));
        BenchCharts.throughputPlot(results, run.resolve("users-per-second.png"));
        BenchCharts.latencyCdf(results, run.resolve("latency-cdf.png"));
        for (String name : List.of("results.json", "results.md", "users-per-second.png", "latency-cdf.png")) {
            Files.copy(run.resolve(name), dir.resolve("latest-" + name), StandardCopyOption.REPLACE_EXISTING);
        }
        return run;
    }

    /** Every figure and every repetition, under the keys the results' readers know. */
    private static Map<String, Object> document(BenchResults results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", results.machine());
        doc.put(
                "raw_baselines",
                Map.of(
                        "kafka_producer_msgs_per_s",
                        results.producerMsgsPerSecond(),
                        "cassandra_driver_rows_per_s",
                        results.driverRowsPerSecond(),
                        "record_bytes",
                        results.baselineRecordBytes(),
                        "cassandra_driver_cpu_us_per_row",
                        results.driverCpuMicrosPerRow()));
        List<Map<String, Object>> e2e = new ArrayList<>();
        for (Run r : results.runs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("users", r.users());
            m.put("fetched_s", r.fetchedSeconds());
            m.put("published_s", r.publishedSeconds());
            m.put("completed_s", r.completedSeconds());
            m.put("users_per_s", r.usersPerSecond());
            m.put("latency_p50_s", r.p50Seconds());
            m.put("latency_p95_s", r.p95Seconds());
            m.put("latency_p99_s", r.p99Seconds());
            m.put("latency_sample", r.latencySeconds().size());
            m.put("cpu_s", r.cpuSeconds());
            m.put("app_jvm_cpu_s", r.appCpuSeconds());
            e2e.add(m);
        }
        doc.put("end_to_end", e2e);
        doc.put("single_user_s", results.singleUserSeconds());
        doc.put("peak_rss_mb", results.peakRssMb());
        doc.put("cpu_s", results.cpuSeconds());
        doc.put("users_processed", results.usersProcessed());
        doc.put("disk_bytes", results.diskBytes());
        doc.put("suite_s", results.suiteSeconds());
        return doc;
    }
}
