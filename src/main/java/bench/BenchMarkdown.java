package bench;

import static bench.BenchStatistics.max;
import static bench.BenchStatistics.median;
import static bench.BenchStatistics.min;
import static bench.BenchStatistics.percentile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import bench.BenchResults.Run;

/** The table a README shows: medians, spread, and each figure's ratio to its raw baseline. */
final class BenchMarkdown {

    private final BenchResults results;

    private BenchMarkdown(BenchResults results) {
        this.results = results;
    }

    static String of(BenchResults results) {
        return new BenchMarkdown(results).markdown();
    }

    private String markdown() {
        double producer = median(results.producerMsgsPerSecond());
        double driver = median(results.driverRowsPerSecond());
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = results.machine();
        md.append(String.format(
                "Machine: %s cores, %s GiB, %s, Java %s; Kafka %s, Cassandra %s, Spark %s. %d repetitions.%n%n",
                machine.get("cores"),
                machine.get("memory_gib"),
                machine.get("os"),
                machine.get("java"),
                versions().get("kafka"),
                versions().get("cassandra"),
                versions().get("spark"),
                results.byVolume().values().stream().mapToInt(List::size).max().orElse(0)));
        md.append("| figure | median | min-max | vs raw |\n|---|---:|---:|---:|\n");
        md.append(row(
                "raw: Kafka producer alone, acks=all, " + results.baselineRecordBytes() + " B records",
                results.producerMsgsPerSecond(),
                "%,.0f msgs/s",
                null));
        md.append(row(
                "raw: Cassandra driver alone, async prepared inserts",
                results.driverRowsPerSecond(),
                "%,.0f rows/s",
                null));
        for (Map.Entry<Integer, List<Run>> volume : results.byVolume().entrySet()) {
            List<Run> rs = volume.getValue();
            String users = String.format("%,d users", volume.getKey());
            md.append(row(
                    users + ": source -> event store",
                    rs.stream().map(r -> r.users() / r.fetchedSeconds()).toList(),
                    "%,.0f users/s",
                    null));
            md.append(row(
                    users + ": -> Kafka (all published)",
                    rs.stream().map(r -> r.users() / r.publishedSeconds()).toList(),
                    "%,.0f users/s",
                    producer));
            md.append(row(
                    users + ": end to end, POST -> COMPLETED",
                    rs.stream().map(Run::usersPerSecond).toList(),
                    "%,.0f users/s",
                    driver));
            md.append(row(
                    users + ": latency UserFetched -> Cassandra p50",
                    rs.stream().map(Run::p50Seconds).toList(),
                    "%.2f s",
                    null));
            md.append(row(
                    users + ": latency p95", rs.stream().map(Run::p95Seconds).toList(), "%.2f s", null));
            md.append(row(
                    users + ": latency p99", rs.stream().map(Run::p99Seconds).toList(), "%.2f s", null));
        }
        List<Double> single = results.singleUserSeconds();
        if (!single.isEmpty()) {
            md.append(String.format(
                    "| single-user command, POST -> COMPLETED (%d runs) | p50 %.2f s | p99 %.2f s | |%n",
                    single.size(), percentile(single, 50), percentile(single, 99)));
        }
        md.append(cpuBudget());
        if (!results.runs().isEmpty()) {
            Map<Integer, List<Map<String, Double>>> appCpu = new java.util.TreeMap<>();
            results.byVolume()
                    .forEach((users, runs) -> appCpu.put(
                            users, runs.stream().map(Run::appCpuSeconds).toList()));
            md.append('\n').append(appCpuTable(appCpu));
        }
        md.append("\n| process | peak RSS | CPU | CPU per user |\n|---|---:|---:|---:|\n");
        Map<String, Double> cpuSeconds = results.cpuSeconds();
        long usersProcessed = results.usersProcessed();
        results.peakRssMb()
                .forEach((name, mb) -> md.append(String.format(
                        "| %s | %,d MB | %.0f s | %.0f µs |%n",
                        name,
                        mb,
                        cpuSeconds.getOrDefault(name, 0.0),
                        1e6 * cpuSeconds.getOrDefault(name, 0.0) / usersProcessed)));
        md.append(String.format("%nDisk after %,d users: ", usersProcessed));
        List<String> disk = new ArrayList<>();
        results.diskBytes()
                .forEach((name, bytes) ->
                        disk.add(String.format("%s %,d B/user", name, bytes / Math.max(1, usersProcessed))));
        md.append(String.join(", ", disk)).append(String.format(". Suite took %.0f s.%n", results.suiteSeconds()));
        return md.toString();
    }

    /**
     * Where the CPU went during the end-to-end runs, per user, and the rate the machine's cores could
     * give at that cost if nothing else ran: when measured users/s is close to that ceiling, the
     * path is CPU-bound on this machine and only less work per user (or more cores) lifts it.
     */
    private String cpuBudget() {
        if (results.runs().isEmpty() || results.runs().get(0).cpuSeconds().isEmpty()) {
            return "";
        }
        int cores = ((Number) results.machine().get("cores")).intValue();
        List<String> processes = List.copyOf(results.runs().get(0).cpuSeconds().keySet());
        StringBuilder md = new StringBuilder(String.format(
                "%nCPU per user during the end-to-end runs (µs, median of the runs), and the ceiling %d cores give at that cost:%n%n",
                cores));
        md.append("| users |");
        processes.forEach(process -> md.append(' ').append(process).append(" |"));
        md.append(" total | ceiling | measured |\n|---:|");
        processes.forEach(process -> md.append("---:|"));
        md.append("---:|---:|---:|\n");
        for (Map.Entry<Integer, List<Run>> volume : results.byVolume().entrySet()) {
            List<Run> rs = volume.getValue();
            md.append(String.format("| %,d |", volume.getKey()));
            processes.forEach(process -> md.append(String.format(
                    " %,.0f |",
                    median(rs.stream().map(r -> r.cpuMicrosPerUser(process)).toList()))));
            double total = median(rs.stream().map(Run::totalCpuMicrosPerUser).toList());
            md.append(String.format(
                    " %,.0f | %,.0f users/s | %,.0f users/s |%n",
                    total,
                    cores * 1e6 / total,
                    median(rs.stream().map(Run::usersPerSecond).toList())));
        }
        Map<String, Double> driverCpu = results.driverCpuMicrosPerRow();
        if (!driverCpu.isEmpty()) {
            double total =
                    driverCpu.values().stream().mapToDouble(Double::doubleValue).sum();
            md.append("| raw driver, per row |");
            processes.forEach(process -> md.append(
                    driverCpu.containsKey(process) ? String.format(" %,.0f |", driverCpu.get(process)) : " - |"));
            md.append(String.format(
                    " %,.0f | %,.0f rows/s | %,.0f rows/s |%n",
                    total, cores * 1e6 / total, median(results.driverRowsPerSecond())));
        }
        return md.toString();
    }

    private static String row(String name, List<Double> values, String format, Double baseline) {
        double median = median(values);
        String spread = String.format(format, min(values)) + " - " + String.format(format, max(values));
        String ratio = baseline == null || baseline <= 0 ? "" : String.format("%.0f%%", 100 * median / baseline);
        return String.format("| %s | " + format + " | %s | %s |%n", name, median, spread, ratio);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> versions() {
        return (Map<String, String>) results.machine().get("versions");
    }

    /**
     * The app JVM's CPU per user by thread group, a column per volume (median over its runs): the
     * app's stages and their sum, and apart from it the loopback source and the harness that share
     * the JVM with the app in a benchmark.
     */
    static String appCpuTable(Map<Integer, List<Map<String, Double>>> runsByVolume) {
        List<Map<String, Double>> first = runsByVolume.values().iterator().next();
        if (first.isEmpty() || first.get(0).isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("The app's CPU per user by stage (µs, median of the runs):\n\n| stage |");
        runsByVolume.keySet().forEach(users -> md.append(String.format(" %,d users |", users)));
        md.append("\n|---|");
        runsByVolume.keySet().forEach(users -> md.append("---:|"));
        md.append('\n');
        for (String group : first.get(0).keySet()) {
            boolean guest = group.equals(ThreadGroupCpu.SOURCE) || group.equals(ThreadGroupCpu.HARNESS);
            if (!guest) {
                md.append(appCpuRow(group, runsByVolume, r -> r.get(group)));
            }
        }
        md.append(appCpuRow("**app total**", runsByVolume, ThreadGroupCpu::appSeconds));
        for (String guest : List.of(ThreadGroupCpu.SOURCE, ThreadGroupCpu.HARNESS)) {
            md.append(appCpuRow("(not the app) " + guest, runsByVolume, r -> r.get(guest)));
        }
        return md.toString();
    }

    private static String appCpuRow(
            String name,
            Map<Integer, List<Map<String, Double>>> runsByVolume,
            java.util.function.ToDoubleFunction<Map<String, Double>> seconds) {
        StringBuilder row = new StringBuilder("| " + name + " |");
        runsByVolume.forEach((users, runs) -> row.append(String.format(
                " %,.1f |",
                median(runs.stream()
                        .map(r -> 1e6 * seconds.applyAsDouble(r) / users)
                        .toList()))));
        return row.append('\n').toString();
    }
}
