package localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import embedded.SparkSidecar;
import localstack.RunRecorder.Sample;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One drill: a run of {@value #USERS} users, a fault once {@value #FAULT_FROM_PERCENT} % of them are
 * persisted (and no more than half), then the checks every drill shares: the run COMPLETED, exactly
 * its users in Cassandra, and new JVMs for the broken servers only.
 *
 * <p><b>Time to recover</b> runs from the fault (the kill, or the SIGSTOP) to the first moment the
 * run's persisted count, as {@code GET /api/runs/{id}} reports it, grows past the count it had when
 * the fault was over: the killed server reported back by its supervisor, Cassandra thawed, or the
 * restarted app answering. Measuring from the end of the fault (and not from the count at the kill)
 * keeps in-flight work that lands just after the kill from passing for a recovery.
 */
final class FaultDrill {

    static final int USERS = 20_000;
    static final int FAULT_FROM_PERCENT = 15;
    static final String KAFKA = "Kafka";
    static final String CASSANDRA = "Cassandra";
    static final String SIDECAR = SparkSidecar.NAME;

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

    /** Breaks something; returns when the fault is over ({@link System#nanoTime()}). */
    @FunctionalInterface
    interface Fault {
        long inject() throws Exception;
    }

    /** What a drill measured; seconds, NaN where it does not apply (no fault). */
    record Result(
            String fault,
            int persistedAtFault,
            double downSeconds,
            double recoverSeconds,
            long rows,
            double runSeconds) {

        String line() {
            String completed = String.format("run %d/%d COMPLETED in %.1f s", rows, USERS, runSeconds);
            if (Double.isNaN(recoverSeconds)) {
                return "[fault-drill] " + fault + ": " + completed;
            }
            return String.format(
                    "[fault-drill] %s: recovered in %.1f s, %s (fault at %,d persisted, over after %.1f s)",
                    fault, recoverSeconds, completed, persistedAtFault, downSeconds);
        }
    }

    private final LocalStack stack;
    private final RunsClient api;
    private final List<Result> results = new ArrayList<>();

    FaultDrill(LocalStack stack, RunsClient api) {
        this.stack = stack;
        this.api = api;
    }

    /** A run without a fault: the time the drills' runs compare with. */
    void noFault() throws Exception {
        drill("no fault", Set.of(), null);
    }

    /** Runs the drill; {@code restarted}: the servers that must have a new JVM afterwards, the others the same. */
    void drill(String name, Set<String> restarted, Fault fault) throws Exception {
        drill(name, restarted, null, fault);
    }

    /**
     * As {@link #drill(String, Set, Fault)}, and while the fault lasts the run's view must say it
     * waits for {@code waitsFor} (its {@code waitingFor.dependency}), not just stop moving.
     */
    void drill(String name, Set<String> restarted, String waitsFor, Fault fault) throws Exception {
        Map<String, Long> pidsBefore = pids();
        long begin = System.nanoTime();
        String runId = api.fetchUsers("{\"count\": " + USERS + "}", "fault-drill-" + UUID.randomUUID());
        try (RunRecorder run = RunRecorder.follow(api, runId)) {
            Sample atFault = null;
            long faultAt = begin;
            long overAt = begin;
            if (fault != null) {
                atFault = awaitRun(
                        run,
                        begin,
                        s -> s.isFinished() || s.persisted() >= USERS * FAULT_FROM_PERCENT / 100,
                        name + ": " + FAULT_FROM_PERCENT + " % of the run persisted");
                assertThat(atFault.persisted())
                        .as("the fault lands mid-run: %s", atFault)
                        .isBetween(USERS * FAULT_FROM_PERCENT / 100, USERS / 2);
                faultAt = System.nanoTime();
                overAt = fault.inject();
            }
            Sample finished = awaitRun(run, overAt, Sample::isFinished, name + ": the run finishes");
            if (waitsFor != null) {
                assertThat(run.first(faultAt, s -> waitsFor.equals(s.waitingFor())))
                        .as("%s: the run's view says it waits for %s while it is away", name, waitsFor)
                        .isPresent();
            }
            assertThat(finished.status()).as("run %s after %s", runId, name).isEqualTo("COMPLETED");
            assertThat(finished.persisted()).isEqualTo(USERS);
            long rows = distinctUsersOfRun(runId);
            assertThat(rows)
                    .as("distinct ids of run %s in created_users", runId)
                    .isEqualTo(USERS);
            assertOnlyRestarted(restarted, pidsBefore);
            Result result = fault == null
                    ? new Result(name, 0, Double.NaN, Double.NaN, rows, seconds(finished.nanos() - begin))
                    : measured(name, run, atFault, faultAt, overAt, rows, seconds(finished.nanos() - begin));
            results.add(result);
            System.out.println(result.line());
        }
    }

    private static Result measured(
            String name, RunRecorder run, Sample atFault, long faultAt, long overAt, long rows, double runSeconds) {
        Sample whenOver = run.first(overAt, s -> true).orElseThrow();
        // a run that finished while the fault was being undone has nothing left to recover
        Sample moved = run.first(whenOver.nanos(), s -> s.persisted() > whenOver.persisted())
                .orElse(whenOver);
        return new Result(
                name,
                atFault.persisted(),
                seconds(overAt - faultAt),
                seconds(moved.nanos() - faultAt),
                rows,
                runSeconds);
    }

    private Sample awaitRun(RunRecorder run, long since, Predicate<Sample> condition, String what) {
        try {
            return await(what)
                    .atMost(RUN_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("the stack gave up", () -> stack.failure().isPresent())
                    .until(() -> run.first(since, condition), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    what + ": not within " + RUN_TIMEOUT.toMinutes() + " min; last seen "
                            + run.latest().orElse(null),
                    e);
        }
    }

    /** The pid of each server's current JVM. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(KAFKA, stack.cluster().kafkaPid());
        pids.put(CASSANDRA, stack.cluster().cassandraPid());
        pids.put(SIDECAR, stack.sidecar().orElseThrow().pid());
        return pids;
    }

    /** The rest stays up: only the servers the drill broke were restarted. */
    private void assertOnlyRestarted(Set<String> restarted, Map<String, Long> before) {
        Map<String, Long> after = pids();
        before.forEach((server, pid) -> {
            if (restarted.contains(server)) {
                assertThat(after.get(server)).as("%s has a new JVM", server).isNotEqualTo(pid);
            } else {
                assertThat(after.get(server))
                        .as("%s stays up: the same JVM as before the drill", server)
                        .isEqualTo(pid);
            }
            assertThat(ProcessHandle.of(after.get(server)).map(ProcessHandle::isAlive))
                    .as(server)
                    .hasValue(true);
        });
        assertThat(stack.isRunning()).isTrue();
        assertThat(stack.failure()).isEmpty();
    }

    /** The run's rows in created_users, read one by one (the id is the key, so each is a distinct user). */
    private long distinctUsersOfRun(String runId) {
        // a scan of every drill's rows: under load it needs more than the driver's 2 s a page
        DriverConfigLoader slowScans = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .build();
        try (CqlSession cql = CqlSession.builder()
                .addContactPoint(stack.cluster().cassandraContactPoint())
                .withLocalDatacenter(stack.cluster().cassandraDatacenter())
                .withConfigLoader(slowScans)
                .build()) {
            UUID run = UUID.fromString(runId);
            long rows = 0;
            ResultSet scan = cql.execute(SimpleStatement.newInstance(
                            "SELECT run_id FROM " + stack.cassandra().keyspace() + ".created_users")
                    .setPageSize(5_000));
            for (Row row : scan) {
                if (run.equals(row.getUuid(0))) {
                    rows++;
                }
            }
            // the sidecar leaves absent values unset: a null would be a tombstone per row, and
            // Cassandra warns once a page reads more than 1,000 of them
            assertThat(scan.getExecutionInfos())
                    .flatMap(ExecutionInfo::getWarnings)
                    .as("server warnings while scanning created_users")
                    .noneMatch(warning -> warning.contains("tombstone"));
            return rows;
        }
    }

    void printResults() {
        System.out.println("[fault-drill] results (" + Runtime.getRuntime().availableProcessors() + " cores):");
        results.forEach(result -> System.out.println(result.line()));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
