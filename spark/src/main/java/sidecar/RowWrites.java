package sidecar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import sidecar.record.UserRow;

/**
 * Executor side: writes one chunk's users at most {@code maxInFlight} at a time, and tells a row
 * Cassandra can never take (its data: a value the driver cannot encode, a mutation the server refuses)
 * from a cluster that is failing. A cluster failure fails the task, which Spark runs again. A row that
 * fails for another reason is written again alone, after the rest; if it fails alone again, it is
 * returned with the reason, to be dead-lettered, and the stage goes on without it. If every row of a
 * chunk fails so, the cause is the cluster (a dropped table, say), not the data: the task fails.
 *
 * <p>The statements themselves are the {@link Target}'s ({@link CassandraUserWrites}), so this
 * decision is tested without Cassandra.
 */
final class RowWrites {

    /** The two writes of a user. Each may fail synchronously (binding) or in its stage. */
    interface Target {
        CompletionStage<?> user(UserRow user);

        /** The rows (of one run) into {@code users_by_run}, as one single-partition batch. */
        CompletionStage<?> usersOfRun(UUID runId, List<UserRow> rows);
    }

    /** A user Cassandra cannot store: its index in the chunk and the reason. */
    record RowFailure(int index, String reason) {}

    private final Target target;
    private final int maxInFlight;
    private final int rowsPerRunBatch;

    RowWrites(Target target, int maxInFlight, int rowsPerRunBatch) {
        if (maxInFlight < 1 || rowsPerRunBatch < 1) {
            throw new IllegalArgumentException("maxInFlight and rowsPerRunBatch must be at least 1, got " + maxInFlight
                    + " and " + rowsPerRunBatch);
        }
        this.target = target;
        this.maxInFlight = maxInFlight;
        this.rowsPerRunBatch = rowsPerRunBatch;
    }

    /**
     * Writes every user; returns once each is acknowledged or found unwritable.
     *
     * @return the users Cassandra cannot store, in chunk order; empty when all were written
     * @throws IllegalStateException when the cluster failed: the task fails and Spark runs it again
     */
    List<RowFailure> write(List<UserRow> users) {
        Semaphore permits = new Semaphore(maxInFlight);
        AtomicReference<Throwable> clusterFailure = new AtomicReference<>();
        SortedSet<Integer> suspects = new ConcurrentSkipListSet<>();
        for (int i = 0; i < users.size(); i++) {
            UserRow u = users.get(i);
            int index = i;
            send(() -> target.user(u), permits, clusterFailure, () -> suspects.add(index));
        }
        // users_by_run only once a user's own row is written: a user Cassandra refuses is listed nowhere
        permits.acquireUninterruptibly(maxInFlight);
        throwIfCluster(clusterFailure.get());
        permits.release(maxInFlight);
        Map<UUID, List<Integer>> byRun = new LinkedHashMap<>();
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).runId() != null && !suspects.contains(i)) {
                byRun.computeIfAbsent(users.get(i).runId(), run -> new ArrayList<>())
                        .add(i);
            }
        }
        for (Map.Entry<UUID, List<Integer>> run : byRun.entrySet()) {
            List<Integer> ofRun = run.getValue();
            for (int from = 0; from < ofRun.size(); from += rowsPerRunBatch) {
                List<Integer> batch = ofRun.subList(from, Math.min(ofRun.size(), from + rowsPerRunBatch));
                List<UserRow> rows = batch.stream().map(users::get).toList();
                // a batch says nothing of which row failed: each is tried alone below
                send(
                        () -> target.usersOfRun(run.getKey(), rows),
                        permits,
                        clusterFailure,
                        () -> suspects.addAll(batch));
            }
        }
        permits.acquireUninterruptibly(maxInFlight);
        throwIfCluster(clusterFailure.get());
        List<RowFailure> failures = new ArrayList<>();
        for (int index : suspects) {
            Throwable alone = alone(users.get(index));
            if (alone != null) {
                throwIfCluster(isClusterFailure(alone) ? alone : null);
                failures.add(new RowFailure(index, "Cassandra cannot store this user: " + describe(alone)));
            }
        }
        if (users.size() > 1 && failures.size() == users.size()) {
            throw new IllegalStateException("every one of " + users.size() + " Cassandra writes failed, so the cause"
                    + " is not their data; first: " + failures.get(0).reason());
        }
        return List.copyOf(failures);
    }

    /** Both writes of one user, one after the other; the failure, or null. */
    private Throwable alone(UserRow user) {
        Throwable failure = await(() -> target.user(user));
        if (failure == null && user.runId() != null) {
            failure = await(() -> target.usersOfRun(user.runId(), List.of(user)));
        }
        return failure;
    }

    private void send(
            Supplier<CompletionStage<?>> write,
            Semaphore permits,
            AtomicReference<Throwable> clusterFailure,
            Runnable suspect) {
        if (clusterFailure.get() != null) {
            return; // the task fails anyway: do not pile more writes on a struggling cluster
        }
        permits.acquireUninterruptibly();
        started(write).whenComplete((result, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (isClusterFailure(cause)) {
                    clusterFailure.compareAndSet(null, cause);
                } else {
                    suspect.run();
                }
            }
            permits.release();
        });
    }

    private static Throwable await(Supplier<CompletionStage<?>> write) {
        try {
            started(write).toCompletableFuture().get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to Cassandra", e);
        } catch (ExecutionException e) {
            return unwrap(e);
        }
    }

    /** A write whose binding throws (a value the driver cannot encode) fails like one Cassandra refused. */
    private static CompletionStage<?> started(Supplier<CompletionStage<?>> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void throwIfCluster(Throwable failure) {
        if (failure != null) {
            throw new IllegalStateException("a Cassandra write failed: " + failure.getMessage(), failure);
        }
    }

    /**
     * Failures of the cluster or the connection to it, which pass: never a reason to park a user.
     * Anything else is suspected to be the row's own, and proven so only by failing alone.
     */
    static boolean isClusterFailure(Throwable failure) {
        return failure instanceof AllNodesFailedException
                || failure instanceof DriverTimeoutException
                || failure instanceof RequestThrottlingException
                || failure instanceof BusyConnectionException
                || failure instanceof ClosedConnectionException
                || failure instanceof ConnectionInitException
                || failure instanceof HeartbeatException
                || failure instanceof UnavailableException
                || failure instanceof WriteTimeoutException
                || failure instanceof ReadTimeoutException
                || failure instanceof OverloadedException
                || failure instanceof BootstrappingException
                || failure instanceof CASWriteUnknownException
                || failure instanceof UnauthorizedException
                || failure instanceof IllegalStateException; // a closed session
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
