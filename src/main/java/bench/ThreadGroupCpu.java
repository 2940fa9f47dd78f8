package bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CPU time of this JVM split by what its threads do: the app's stages, and the loopback source
 * and the benchmark harness that share the JVM with it. Two readings give the app's own CPU per user
 * by stage; what no live thread accounts for (the garbage collector, the JIT compilers, threads that
 * ended in between) is the JVM's share.
 */
record ThreadGroupCpu(
        long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadGroup, Map<String, Long> jvmNanos) {

    static final String SOURCE = "source";
    static final String HARNESS = "harness";
    static final String GC = "jvm: garbage collector";
    static final String JIT = "jvm: jit compilers";
    static final String JVM = "jvm: other, ended threads";
    /** The JVM's own threads, by their OS names (Linux {@code /proc/self/task/<tid>/comm}). */
    private static final Pattern GC_THREAD = Pattern.compile("GC Thread.*|G1 .*|VM Thread|VM Periodic.*");

    private static final Pattern JIT_THREAD = Pattern.compile("C[12] Compiler.*");

    /** Thread names by group, first match wins; the app's stages first, then the two guests. */
    private static final List<Map.Entry<String, Pattern>> GROUPS = List.of(
            Map.entry("fetch + parse + append", Pattern.compile("fetch-pages-.*")),
            Map.entry("event store background", Pattern.compile("(H2|MVStore|EmbeddedEventStore).*")),
            Map.entry(
                    "outbox (read, publish)",
                    Pattern.compile(
                            "EventProcessor\\[users-created-outbox\\].*|kafka-producer-network-thread \\| user-pipeline-publisher")),
            Map.entry("persisted bookkeeping", Pattern.compile("persisted-users-consumer")),
            Map.entry("http api", Pattern.compile("JettyServerThreadPool.*|qtp.*")),
            Map.entry(SOURCE, Pattern.compile("randomuser-.*|HTTP-Dispatcher")),
            Map.entry(HARNESS, Pattern.compile("main|HttpClient-.*")));

    private static final String OTHER = "other app threads";

    static ThreadGroupCpu now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue; // ended since the ids were listed
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                groups.put(info.getThreadId(), groupOf(info.getThreadName()));
            }
        }
        long process = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(0L);
        return new ThreadGroupCpu(process, nanos, groups, jvmThreads());
    }

    /** CPU of the GC and JIT threads, which are no Java threads; empty where {@code /proc} does not tell. */
    private static Map<String, Long> jvmThreads() {
        Map<String, Long> nanos = new HashMap<>(Map.of(GC, 0L, JIT, 0L));
        long tick = 10_000_000L; // USER_HZ is 100 on Linux
        try (java.util.stream.Stream<java.nio.file.Path> tasks =
                java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String name =
                            java.nio.file.Files.readString(task.resolve("comm")).strip();
                    String group = GC_THREAD.matcher(name).matches()
                            ? GC
                            : JIT_THREAD.matcher(name).matches() ? JIT : null;
                    if (group != null) {
                        String stat = java.nio.file.Files.readString(task.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // fields 14 and 15 of stat (utime, stime), counted after the name's closing parenthesis
                        nanos.merge(group, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * tick, Long::sum);
                    }
                } catch (java.io.IOException | RuntimeException ended) {
                    // the thread ended while we read it: its time stays in the JVM's rest
                }
            }
        } catch (java.io.IOException noProc) {
            return Map.of();
        }
        return nanos;
    }

    static String groupOf(String threadName) {
        return GROUPS.stream()
                .filter(group -> group.getValue().matcher(threadName).matches())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(OTHER);
    }

    /** Seconds of CPU by group since {@code before}, the app's stages first, then source, harness and the JVM. */
    Map<String, Double> secondsSince(ThreadGroupCpu before) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        GROUPS.forEach(group -> seconds.put(group.getKey(), 0.0));
        seconds.put(OTHER, 0.0);
        long accounted = 0;
        for (Map.Entry<Long, Long> thread : threadNanos.entrySet()) {
            long used = thread.getValue() - before.threadNanos.getOrDefault(thread.getKey(), 0L);
            accounted += used;
            seconds.merge(threadGroup.get(thread.getKey()), used / 1e9, Double::sum);
        }
        for (String jvmGroup : List.of(GC, JIT)) {
            long used = jvmNanos.getOrDefault(jvmGroup, 0L) - before.jvmNanos.getOrDefault(jvmGroup, 0L);
            accounted += used;
            seconds.put(jvmGroup, used / 1e9);
        }
        seconds.put(JVM, Math.max(0, processNanos - before.processNanos - accounted) / 1e9);
        return seconds;
    }

    /** The app's share of {@link #secondsSince}: all but the source and the harness. */
    static double appSeconds(Map<String, Double> groups) {
        return groups.entrySet().stream()
                .filter(group ->
                        !group.getKey().equals(SOURCE) && !group.getKey().equals(HARNESS))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }
}
