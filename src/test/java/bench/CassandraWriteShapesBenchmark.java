package bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import domain.event.UserFetched;
import domain.user.User;

/**
 * What the sidecar's second table costs Cassandra, and what an SAI index on {@code created_users.run_id}
 * would cost instead: the same users written in three shapes, in alternating rounds, with
 * Cassandra's CPU per user. Not a test; against a running Cassandra (e.g. {@code ./pipeline up
 * --no-sidecar}): {@code java -cp ... bench.CassandraWriteShapesBenchmark <host:port> <cassandra pid> [users] [rounds]}.
 */
public final class CassandraWriteShapesBenchmark {

    private static final String KEYSPACE = "bench_shapes";
    private static final int IN_FLIGHT = 128;
    private static final int RUN_BATCH_ROWS = 32;

    private CassandraWriteShapesBenchmark() {}

    private interface Shape {
        List<Statement<?>> statementsFor(List<UserFetched> users);
    }

    public static void main(String[] args) throws Exception {
        String[] hostPort = args[0].split(":");
        long cassandraPid = Long.parseLong(args[1]);
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<User> profiles = RawBaselines.realProfiles();
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(new java.net.InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
                .withLocalDatacenter("datacenter1")
                .build()) {
            createTables(cql);
            PreparedStatement oneTable = RawBaselines.prepareInsert(cql, KEYSPACE);
            PreparedStatement indexed = RawBaselines.prepareInsert(cql, KEYSPACE, "created_users_sai");
            PreparedStatement byRun = cql.prepare(
                    "INSERT INTO " + KEYSPACE
                            + ".users_by_run (run_id, id, first_name, last_name, email, nationality) VALUES (?, ?, ?, ?, ?, ?)");
            Map<String, Shape> shapes = new LinkedHashMap<>();
            shapes.put("created_users only (1 row)", batch -> bindAll(oneTable, batch));
            shapes.put("created_users + users_by_run batches (the sidecar's 2 rows)", batch -> {
                List<Statement<?>> statements = bindAll(oneTable, batch);
                for (int from = 0; from < batch.size(); from += RUN_BATCH_ROWS) {
                    BatchStatementBuilder runBatch = BatchStatement.builder(BatchType.UNLOGGED);
                    for (UserFetched u : batch.subList(from, Math.min(batch.size(), from + RUN_BATCH_ROWS))) {
                        runBatch.addStatement(byRun.bind(
                                u.runId().value(),
                                u.user().id().value(),
                                u.user().firstName(),
                                u.user().lastName(),
                                u.user().email(),
                                u.user().nationality()));
                    }
                    statements.add(runBatch.build());
                }
                return statements;
            });
            shapes.put("created_users with an SAI index on run_id (1 row + index)", batch -> bindAll(indexed, batch));
            Map<String, List<String>> results = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
                    List<UserFetched> batch = RawBaselines.batchOf(profiles, users);
                    Duration cpuBefore = cpu(cassandraPid);
                    long begin = System.nanoTime();
                    RawBaselines.writeAll(cql, shape.getValue().statementsFor(batch), IN_FLIGHT);
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    double cpuMicros = (cpu(cassandraPid).minus(cpuBefore).toNanos() / 1e3) / users;
                    String figure =
                            String.format("%,.0f users/s, Cassandra %,.0f µs CPU/user", users / seconds, cpuMicros);
                    results.computeIfAbsent(shape.getKey(), k -> new ArrayList<>())
                            .add(figure);
                    System.out.printf("round %d, %s: %s%n", round, shape.getKey(), figure);
                }
            }
            System.out.println();
            results.forEach((shape, figures) -> System.out.printf("%s: %s%n", shape, String.join(" | ", figures)));
        }
    }

    private static void createTables(CqlSession cql) {
        cql.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        String columns = " (id uuid PRIMARY KEY, first_name text, last_name text, gender text, address text,"
                + " post_code text, email text, username text, dob timestamp, registered_date timestamp, phone text,"
                + " picture text, run_id uuid, nationality text, fetched_at timestamp, persisted_at timestamp)";
        cql.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".created_users" + columns);
        cql.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".created_users_sai" + columns);
        cql.execute("CREATE INDEX IF NOT EXISTS created_users_sai_run_id ON " + KEYSPACE
                + ".created_users_sai (run_id) USING 'sai'");
        cql.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + ".users_by_run (run_id uuid, id uuid, first_name text,"
                + " last_name text, email text, nationality text, PRIMARY KEY ((run_id), id))");
    }

    private static List<Statement<?>> bindAll(PreparedStatement insert, List<UserFetched> batch) {
        List<Statement<?>> statements = new ArrayList<>(batch.size() * 2);
        batch.forEach(user -> statements.add(RawBaselines.bindUser(insert, user)));
        return statements;
    }

    private static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }
}
