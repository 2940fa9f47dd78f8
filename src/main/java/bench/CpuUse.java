package bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time each process of the stack has used so far: two readings show where a benchmark's time went. */
record CpuUse(Map<String, Duration> byProcess) {

    /** The total CPU time of each named process now (zero where the OS does not tell). */
    static CpuUse now(Map<String, Long> pids) {
        Map<String, Duration> use = new LinkedHashMap<>();
        pids.forEach((name, pid) -> use.put(
                name,
                ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO)));
        return new CpuUse(use);
    }

    /**
     * Seconds of CPU the process has used so far: utime + stime of {@code /proc/<pid>/stat} on Linux,
     * its own threads only; zero where the OS does not tell.
     */
    static double seconds(long pid) {
        return ProcessHandle.of(pid)
                        .flatMap(p -> p.info().totalCpuDuration())
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    /** Seconds of CPU each process used since {@code before}. */
    Map<String, Double> secondsSince(CpuUse before) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        byProcess.forEach((name, total) ->
                seconds.put(name, (total.toNanos() - before.byProcess.get(name).toNanos()) / 1e9));
        return seconds;
    }

    /** "cassandra 12.4 s (58% of 2 cores, 124 µs/user), ..." over the wall time {@code seconds}. */
    String since(CpuUse before, double seconds, int users) {
        StringBuilder line = new StringBuilder();
        int cores = Runtime.getRuntime().availableProcessors();
        secondsSince(before)
                .forEach((name, cpu) -> line.append(line.length() == 0 ? "" : ", ")
                        .append(String.format(
                                "%s %.1f s (%.0f%% of %d cores, %.0f µs/user)",
                                name, cpu, 100 * cpu / (seconds * cores), cores, 1e6 * cpu / users)));
        return line.toString();
    }
}
