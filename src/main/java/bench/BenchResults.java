package bench;

import static bench.BenchStatistics.percentile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@code ./pipeline bench} run measured: every figure and every repetition. Its renderings
 * are {@link BenchMarkdown} (the table), {@link BenchCharts} (the plots) and {@link BenchResultsFiles}
 * (the JSON and the results directory).
 */
record BenchResults(
        Map<String, Object> machine,
        List<Run> runs,
        List<Double> singleUserSeconds,
        List<Double> producerMsgsPerSecond,
        List<Double> driverRowsPerSecond,
        int baselineRecordBytes,
        Map<String, Double> driverCpuMicrosPerRow,
        Map<String, Long> peakRssMb,
        Map<String, Double> cpuSeconds,
        long usersProcessed,
        Map<String, Long> diskBytes,
        double suiteSeconds) {

    /**
     * One end-to-end run: seconds from the POST until all users were fetched (in the event store),
     * published (acknowledged by Kafka) and COMPLETED (persisted in Cassandra and recorded by the app),
     * the latency UserFetched -> Cassandra of up to 20,000 of its users, the CPU seconds each
     * process used meanwhile, and those of the app's JVM by thread group ({@link ThreadGroupCpu}).
     */
    record Run(
            int users,
            double fetchedSeconds,
            double publishedSeconds,
            double completedSeconds,
            List<Double> latencySeconds,
            Map<String, Double> cpuSeconds,
            Map<String, Double> appCpuSeconds) {

        double cpuMicrosPerUser(String process) {
            return 1e6 * cpuSeconds.getOrDefault(process, 0.0) / users;
        }

        double totalCpuMicrosPerUser() {
            return 1e6
                    * cpuSeconds.values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum()
                    / users;
        }

        double usersPerSecond() {
            return users / completedSeconds;
        }

        double p50Seconds() {
            return latencySeconds.isEmpty() ? completedSeconds : percentile(latencySeconds, 50);
        }

        double p95Seconds() {
            return latencySeconds.isEmpty() ? completedSeconds : percentile(latencySeconds, 95);
        }

        double p99Seconds() {
            return latencySeconds.isEmpty() ? completedSeconds : percentile(latencySeconds, 99);
        }
    }

    static Builder builder(Map<String, Object> machine) {
        return new Builder(machine);
    }

    /** The end-to-end runs by volume, smallest first. */
    Map<Integer, List<Run>> byVolume() {
        Map<Integer, List<Run>> byVolume = new TreeMap<>();
        runs.forEach(run ->
                byVolume.computeIfAbsent(run.users(), v -> new ArrayList<>()).add(run));
        return byVolume;
    }

    /** Collects the figures as the suite measures them. */
    static final class Builder {
        private final Map<String, Object> machine;
        private final List<Run> runs = new ArrayList<>();
        private List<Double> single = List.of();
        private List<Double> producer = List.of();
        private List<Double> driver = List.of();
        private int recordBytes;
        private Map<String, Double> driverCpu = Map.of();
        private Map<String, Long> rss = Map.of();
        private Map<String, Double> cpu = Map.of();
        private long users;
        private Map<String, Long> disk = Map.of();

        private Builder(Map<String, Object> machine) {
            this.machine = machine;
        }

        void endToEnd(Run run) {
            runs.add(run);
        }

        void singleUser(List<Double> seconds) {
            single = List.copyOf(seconds);
        }

        void baselines(
                List<Double> producerRates, List<Double> driverRates, int bytes, Map<String, Double> driverCpuPerRow) {
            producer = List.copyOf(producerRates);
            driver = List.copyOf(driverRates);
            recordBytes = bytes;
            driverCpu = new LinkedHashMap<>(driverCpuPerRow);
        }

        void resources(
                Map<String, Long> peakRss,
                Map<String, Double> cpuSeconds,
                long usersProcessed,
                Map<String, Long> diskBytes) {
            rss = peakRss;
            cpu = cpuSeconds;
            users = usersProcessed;
            disk = new TreeMap<>(diskBytes);
        }

        BenchResults build(double suiteSeconds) {
            return new BenchResults(
                    machine,
                    List.copyOf(runs),
                    single,
                    producer,
                    driver,
                    recordBytes,
                    driverCpu,
                    rss,
                    cpu,
                    users,
                    disk,
                    suiteSeconds);
        }
    }
}
