package adapters.randomuser;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import application.port.out.PageQuery;
import application.port.out.UserPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.user.RawProfile;

/**
 * Parses the 111-user 1.4 fixture over and over on one thread and prints users/s, next to the
 * straightforward tree + writeValueAsString + convertValue way as a baseline. Not a test: run with
 * {@code java -cp target/classes:target/test-classes:<dependencies> adapters.randomuser.PageParsingBenchmark [seconds]}.
 */
public final class PageParsingBenchmark {

    private static final String FIXTURE = "v1.4-mixed21nat-111users.json";

    private PageParsingBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        byte[] body = ScriptedServer.fixtureBytes(FIXTURE);
        PageQuery query = new PageQuery(1, 111, "b92435b8050047da", List.of(), Optional.empty());
        PageParser parser = new PageParser();
        ObjectMapper mapper = new ObjectMapper();

        Workload singlePass = () -> parser.parse(query, body).profiles().size();
        Workload treeBaseline =
                () -> treeThenConvert(mapper, query, body).profiles().size();

        System.out.printf(
                "fixture %s: %d bytes, 111 users, Java %s%n", FIXTURE, body.length, System.getProperty("java.version"));
        for (int round = 1; round <= 3; round++) {
            report("single pass (adapter)", singlePass, seconds, body.length);
            report("tree + convertValue  ", treeBaseline, seconds, body.length);
        }
    }

    @FunctionalInterface
    private interface Workload {
        int run() throws Exception;
    }

    /**
     * Runs the workload for a warm-up and then a measured period. Users per CPU-second of this thread is
     * the "one core" figure and holds up on a busy machine; wall-clock users/s is printed beside it.
     */
    private static void report(String name, Workload workload, double seconds, int bodyBytes) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long warmUpEnd = System.nanoTime() + (long) (seconds / 2 * 1e9);
        while (System.nanoTime() < warmUpEnd) {
            workload.run();
        }
        long users = 0;
        long pages = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            users += workload.run();
            pages++;
            now = System.nanoTime();
        } while (now < end);
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double wall = (now - start) / 1e9;
        System.out.printf(
                "%s: %,9.0f users/cpu-s  %6.1f MB/cpu-s  %7.1f µs cpu/page  (wall: %,9.0f users/s)%n",
                name, users / cpu, pages * (double) bodyBytes / cpu / 1e6, cpu / pages * 1e6, users / wall);
    }

    /** The obvious way, for comparison: a tree, then each element written out and converted. */
    @SuppressWarnings("unchecked")
    private static UserPage treeThenConvert(ObjectMapper mapper, PageQuery query, byte[] body) throws Exception {
        JsonNode root = mapper.readTree(body);
        List<RawProfile> profiles = new ArrayList<>();
        for (JsonNode element : root.get("results")) {
            profiles.add(new RawProfile(mapper.writeValueAsString(element), mapper.convertValue(element, Map.class)));
        }
        return new UserPage(query, profiles, root.path("info").path("version").asText(""));
    }
}
