package bootstrap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
import java.util.TreeMap;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one {@code ./pipeline bench} run measured, and its three renderings: JSON (every figure and
 * every repetition), a markdown table (medians with min-max, ratios to the raw baselines) and two
 * PNG plots (users/s against volume; the latency CDF per volume).
 */
record BenchResults(Map<String, Object> machine, List<Run> runs, List<Double> singleUserSeconds,
                    List<Double> producerMsgsPerSecond, List<Double> driverRowsPerSecond, int baselineRecordBytes,
                    Map<String, Double> driverCpuMicrosPerRow,
                    Map<String, Long> peakRssMb, Map<String, Double> cpuSeconds, long usersProcessed,
                    Map<String, Long> diskBytes, double suiteSeconds) {

    /**
     * One end-to-end run: seconds from the POST until all users were fetched (in the event store),
     * published (acknowledged by Kafka) and COMPLETED (persisted in Cassandra and recorded by the app),
     * the latency UserFetched -> Cassandra of up to 20,000 of its users, and the CPU seconds each
     * process used meanwhile.
     */
    record Run(int users, double fetchedSeconds, double publishedSeconds, double completedSeconds,
               List<Double> latencySeconds, Map<String, Double> cpuSeconds) {

        double cpuMicrosPerUser(String process) {
            return 1e6 * cpuSeconds.getOrDefault(process, 0.0) / users;
        }

        double totalCpuMicrosPerUser() {
            return 1e6 * cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / users;
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

    static double percentile(List<Double> values, int percent) {
        return Percentiles.nearestRank(values, percent);
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private Map<Integer, List<Run>> byVolume() {
        Map<Integer, List<Run>> byVolume = new TreeMap<>();
        runs.forEach(run -> byVolume.computeIfAbsent(run.users(), v -> new ArrayList<>()).add(run));
        return byVolume;
    }

    /** The table a README shows: medians, spread, and each figure's ratio to its raw baseline. */
    String markdown() {
        double producer = median(producerMsgsPerSecond);
        double driver = median(driverRowsPerSecond);
        StringBuilder md = new StringBuilder();
        md.append(String.format("Machine: %s cores, %s GiB, %s, Java %s; Kafka %s, Cassandra %s, Spark %s. %d repetitions.%n%n",
                machine.get("cores"), machine.get("memory_gib"), machine.get("os"), machine.get("java"),
                versions().get("kafka"), versions().get("cassandra"), versions().get("spark"),
                byVolume().values().stream().mapToInt(List::size).max().orElse(0)));
        md.append("| figure | median | min-max | vs raw |\n|---|---:|---:|---:|\n");
        md.append(row("raw: Kafka producer alone, acks=all, " + baselineRecordBytes + " B records", producerMsgsPerSecond,
                "%,.0f msgs/s", null));
        md.append(row("raw: Cassandra driver alone, async prepared inserts", driverRowsPerSecond, "%,.0f rows/s", null));
        for (Map.Entry<Integer, List<Run>> volume : byVolume().entrySet()) {
            List<Run> rs = volume.getValue();
            String users = String.format("%,d users", volume.getKey());
            md.append(row(users + ": source -> event store", rs.stream().map(r -> r.users() / r.fetchedSeconds()).toList(),
                    "%,.0f users/s", null));
            md.append(row(users + ": -> Kafka (all published)", rs.stream().map(r -> r.users() / r.publishedSeconds()).toList(),
                    "%,.0f users/s", producer));
            md.append(row(users + ": end to end, POST -> COMPLETED", rs.stream().map(Run::usersPerSecond).toList(),
                    "%,.0f users/s", driver));
            md.append(row(users + ": latency UserFetched -> Cassandra p50", rs.stream().map(Run::p50Seconds).toList(),
                    "%.2f s", null));
            md.append(row(users + ": latency p95", rs.stream().map(Run::p95Seconds).toList(), "%.2f s", null));
            md.append(row(users + ": latency p99", rs.stream().map(Run::p99Seconds).toList(), "%.2f s", null));
        }
        if (!singleUserSeconds.isEmpty()) {
            md.append(String.format("| single-user command, POST -> COMPLETED (%d runs) | p50 %.2f s | p99 %.2f s | |%n",
                    singleUserSeconds.size(), percentile(singleUserSeconds, 50), percentile(singleUserSeconds, 99)));
        }
        md.append(cpuBudget());
        md.append("\n| process | peak RSS | CPU | CPU per user |\n|---|---:|---:|---:|\n");
        peakRssMb.forEach((name, mb) -> md.append(String.format("| %s | %,d MB | %.0f s | %.0f µs |%n", name, mb,
                cpuSeconds.getOrDefault(name, 0.0), 1e6 * cpuSeconds.getOrDefault(name, 0.0) / usersProcessed)));
        md.append(String.format("%nDisk after %,d users: ", usersProcessed));
        List<String> disk = new ArrayList<>();
        diskBytes.forEach((name, bytes) -> disk.add(String.format("%s %,d B/user", name, bytes / Math.max(1, usersProcessed))));
        md.append(String.join(", ", disk)).append(String.format(". Suite took %.0f s.%n", suiteSeconds));
        return md.toString();
    }

    /**
     * Where the CPU went during the end-to-end runs, per user, and the rate the machine's cores could
     * give at that cost if nothing else ran: when measured users/s is close to that ceiling, the
     * path is CPU-bound on this machine and only less work per user (or more cores) lifts it.
     */
    private String cpuBudget() {
        if (runs.isEmpty() || runs.get(0).cpuSeconds().isEmpty()) {
            return "";
        }
        int cores = ((Number) machine.get("cores")).intValue();
        List<String> processes = List.copyOf(runs.get(0).cpuSeconds().keySet());
        StringBuilder md = new StringBuilder(String.format(
                "%nCPU per user during the end-to-end runs (µs, median of the runs), and the ceiling %d cores give at that cost:%n%n",
                cores));
        md.append("| users |");
        processes.forEach(process -> md.append(' ').append(process).append(" |"));
        md.append(" total | ceiling | measured |\n|---:|");
        processes.forEach(process -> md.append("---:|"));
        md.append("---:|---:|---:|\n");
        for (Map.Entry<Integer, List<Run>> volume : byVolume().entrySet()) {
            List<Run> rs = volume.getValue();
            md.append(String.format("| %,d |", volume.getKey()));
            processes.forEach(process -> md.append(String.format(" %,.0f |",
                    median(rs.stream().map(r -> r.cpuMicrosPerUser(process)).toList()))));
            double total = median(rs.stream().map(Run::totalCpuMicrosPerUser).toList());
            md.append(String.format(" %,.0f | %,.0f users/s | %,.0f users/s |%n", total, cores * 1e6 / total,
                    median(rs.stream().map(Run::usersPerSecond).toList())));
        }
        if (!driverCpuMicrosPerRow.isEmpty()) {
            double total = driverCpuMicrosPerRow.values().stream().mapToDouble(Double::doubleValue).sum();
            md.append("| raw driver, per row |");
            processes.forEach(process -> md.append(driverCpuMicrosPerRow.containsKey(process)
                    ? String.format(" %,.0f |", driverCpuMicrosPerRow.get(process)) : " - |"));
            md.append(String.format(" %,.0f | %,.0f rows/s | %,.0f rows/s |%n", total, cores * 1e6 / total,
                    median(driverRowsPerSecond)));
        }
        return md.toString();
    }

    private static String row(String name, List<Double> values, String format, Double baseline) {
        double median = median(values);
        String spread = String.format(format, values.stream().mapToDouble(Double::doubleValue).min().orElse(0)) + " - "
                + String.format(format, values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        String ratio = baseline == null || baseline <= 0 ? "" : String.format("%.0f%%", 100 * median / baseline);
        return String.format("| %s | " + format + " | %s | %s |%n", name, median, spread, ratio);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> versions() {
        return (Map<String, String>) machine.get("versions");
    }

    /** Writes {@code <dir>/<timestamp>/} and refreshes {@code <dir>/latest.*}; returns the run's directory. */
    Path write(Path dir, ObjectMapper json) throws IOException {
        Path run = Files.createDirectories(dir.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine);
        doc.put("raw_baselines", Map.of("kafka_producer_msgs_per_s", producerMsgsPerSecond,
                "cassandra_driver_rows_per_s", driverRowsPerSecond, "record_bytes", baselineRecordBytes,
                "cassandra_driver_cpu_us_per_row", driverCpuMicrosPerRow));
        List<Map<String, Object>> e2e = new ArrayList<>();
        for (Run r : runs) {
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
            e2e.add(m);
        }
        doc.put("end_to_end", e2e);
        doc.put("single_user_s", singleUserSeconds);
        doc.put("peak_rss_mb", peakRssMb);
        doc.put("cpu_s", cpuSeconds);
        doc.put("users_processed", usersProcessed);
        doc.put("disk_bytes", diskBytes);
        doc.put("suite_s", suiteSeconds);
        json.writeValue(run.resolve("results.json").toFile(), doc);
        Files.writeString(run.resolve("results.md"), markdown());
        throughputPlot(run.resolve("users-per-second.png"));
        latencyCdf(run.resolve("latency-cdf.png"));
        for (String name : List.of("results.json", "results.md", "users-per-second.png", "latency-cdf.png")) {
            Files.copy(run.resolve(name), dir.resolve("latest-" + name), StandardCopyOption.REPLACE_EXISTING);
        }
        return run;
    }

    private static final int W = 800;
    private static final int H = 500;
    private static final int M = 70;

    /** Median users/s per volume (log x axis), min-max as a bar, the raw driver rate as a line. */
    private void throughputPlot(Path file) throws IOException {
        Map<Integer, List<Run>> byVolume = byVolume();
        double maxY = Math.max(median(driverRowsPerSecond),
                runs.stream().mapToDouble(Run::usersPerSecond).max().orElse(1)) * 1.1;
        double minX = Math.log10(byVolume.keySet().stream().mapToInt(Integer::intValue).min().orElse(1)) - 0.3;
        double maxX = Math.log10(byVolume.keySet().stream().mapToInt(Integer::intValue).max().orElse(10)) + 0.3;
        Canvas c = canvas();
        Graphics2D g = c.g();
        axes(g, "users per run (log)", "users/s", maxY);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 6}, 0));
        int rawY = y(median(driverRowsPerSecond), maxY);
        g.drawLine(M, rawY, W - M, rawY);
        g.drawString("raw Cassandra driver rows/s", W - M - 190, rawY - 6);
        g.setStroke(new BasicStroke(2));
        g.setColor(new Color(31, 119, 180));
        int prevX = -1;
        int prevY = -1;
        for (Map.Entry<Integer, List<Run>> v : byVolume.entrySet()) {
            List<Double> rates = v.getValue().stream().map(Run::usersPerSecond).toList();
            int x = M + (int) ((Math.log10(v.getKey()) - minX) / (maxX - minX) * (W - 2 * M));
            int yMed = y(median(rates), maxY);
            g.drawLine(x, y(rates.stream().mapToDouble(Double::doubleValue).min().orElse(0), maxY), x,
                    y(rates.stream().mapToDouble(Double::doubleValue).max().orElse(0), maxY));
            g.fillOval(x - 4, yMed - 4, 8, 8);
            g.drawString(String.format("%,d", v.getKey()), x - 20, H - M + 18);
            if (prevX >= 0) {
                g.drawLine(prevX, prevY, x, yMed);
            }
            prevX = x;
            prevY = yMed;
        }
        title(g, "End-to-end users/s by volume (median, min-max)");
        save(c, file);
    }

    /** Fraction of users persisted within t seconds of being fetched, one line per volume. */
    private void latencyCdf(Path file) throws IOException {
        Map<Integer, List<Double>> byVolume = new TreeMap<>();
        runs.forEach(r -> byVolume.computeIfAbsent(r.users(), v -> new ArrayList<>()).addAll(r.latencySeconds()));
        double maxX = byVolume.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(1) * 1.05;
        Canvas c = canvas();
        Graphics2D g = c.g();
        axes(g, "seconds from UserFetched to the row in Cassandra", "fraction of users", 1.0);
        Color[] colours = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40)};
        int i = 0;
        for (Map.Entry<Integer, List<Double>> v : byVolume.entrySet()) {
            List<Double> sorted = v.getValue().stream().sorted().toList();
            if (sorted.isEmpty()) {
                continue;
            }
            g.setColor(colours[i % colours.length]);
            g.setStroke(new BasicStroke(2));
            int prevX = M;
            int prevY = H - M;
            for (int k = 0; k < sorted.size(); k += Math.max(1, sorted.size() / 400)) {
                int x = M + (int) (sorted.get(k) / maxX * (W - 2 * M));
                int yy = y((k + 1.0) / sorted.size(), 1.0);
                g.drawLine(prevX, prevY, x, yy);
                prevX = x;
                prevY = yy;
            }
            g.drawString(String.format("%,d users", v.getKey()), M + 20, M + 20 + 18 * i);
            i++;
        }
        g.setColor(Color.BLACK);
        g.drawString(String.format("%.1f s", maxX), W - M - 20, H - M + 18);
        title(g, "Latency CDF, UserFetched -> Cassandra");
        save(c, file);
    }

    /** An image and the pen drawing on it: headless AWT, no display needed. */
    private record Canvas(BufferedImage image, Graphics2D g) {
    }

    private static Canvas canvas() {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        return new Canvas(image, g);
    }

    private static int y(double value, double maxY) {
        return H - M - (int) (value / maxY * (H - 2 * M));
    }

    private static void axes(Graphics2D g, String xLabel, String yLabel, double maxY) {
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(M, H - M, W - M, H - M);
        g.drawLine(M, M, M, H - M);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xLabel, W / 2 - 100, H - 25);
        g.drawString(yLabel, 10, M - 15);
        for (int t = 0; t <= 4; t++) {
            double v = maxY * t / 4;
            g.drawString(maxY > 10 ? String.format("%,.0f", v) : String.format("%.2f", v), 5, y(v, maxY) + 4);
        }
    }

    private static void title(Graphics2D g, String text) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(text, M, 30);
    }

    private static void save(Canvas c, Path file) throws IOException {
        c.g().dispose();
        if (!ImageIO.write(c.image(), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM for " + file);
        }
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

        void baselines(List<Double> producerRates, List<Double> driverRates, int bytes, Map<String, Double> driverCpuPerRow) {
            producer = List.copyOf(producerRates);
            driver = List.copyOf(driverRates);
            recordBytes = bytes;
            driverCpu = new LinkedHashMap<>(driverCpuPerRow);
        }

        void resources(Map<String, Long> peakRss, Map<String, Double> cpuSeconds, long usersProcessed,
                       Map<String, Long> diskBytes) {
            rss = peakRss;
            cpu = cpuSeconds;
            users = usersProcessed;
            disk = new TreeMap<>(diskBytes);
        }

        BenchResults build(double suiteSeconds) {
            return new BenchResults(machine, List.copyOf(runs), single, producer, driver, recordBytes, driverCpu, rss, cpu, users,
                    disk, suiteSeconds);
        }
    }
}
