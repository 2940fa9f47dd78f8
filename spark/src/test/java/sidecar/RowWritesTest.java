package sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import org.junit.jupiter.api.Test;
import sidecar.record.UserRow;

/** How a chunk's Cassandra writes tell a user Cassandra can never store from a failing cluster. */
class RowWritesTest {

    private static final UUID RUN = UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");

    private final FakeCassandra cassandra = new FakeCassandra();

    @Test
    void given_a_user_whose_value_cannot_be_encoded_when_written_then_it_alone_is_returned_and_the_rest_are_written() {
        List<UserRow> users = users("Ann", "Poison", "Bob", "Cid");

        List<RowWrites.RowFailure> failures = new RowWrites(cassandra, 2, 32).write(users);

        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.index()).isEqualTo(1);
            assertThat(f.reason()).isEqualTo("Cassandra cannot store this user: ArithmeticException: long overflow");
        });
        assertThat(cassandra.written).containsOnly("Ann", "Bob", "Cid");
        assertThat(cassandra.runRowsWritten).containsOnly("Ann", "Bob", "Cid");
    }

    @Test
    void given_a_run_batch_refused_for_one_row_when_written_then_its_other_rows_are_written_alone() {
        cassandra.refuseRunRowsOf = "Poison";
        List<UserRow> users = users("Ann", "Poison", "Bob");

        List<RowWrites.RowFailure> failures = new RowWrites(cassandra, 4, 32).write(users);

        assertThat(failures).extracting(RowWrites.RowFailure::index).containsExactly(1);
        assertThat(cassandra.runRowsWritten).containsOnly("Ann", "Bob");
    }

    @Test
    void given_a_user_that_failed_once_for_no_reason_of_its_own_when_written_alone_then_it_is_not_returned() {
        cassandra.failOnceFor = "Flaky";

        List<RowWrites.RowFailure> failures = new RowWrites(cassandra, 4, 32).write(users("Ann", "Flaky"));

        assertThat(failures).isEmpty();
        assertThat(cassandra.written).contains("Ann", "Flaky");
    }

    @Test
    void given_the_cluster_times_out_when_written_then_the_task_fails_and_no_user_is_returned_as_unwritable() {
        cassandra.timeOut = true;

        assertThatThrownBy(() -> new RowWrites(cassandra, 4, 32).write(users("Ann", "Poison")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a Cassandra write failed")
                .hasCauseInstanceOf(DriverTimeoutException.class);
    }

    @Test
    void given_every_user_of_a_chunk_refused_when_written_then_the_cause_is_not_their_data_and_the_task_fails() {
        assertThatThrownBy(() -> new RowWrites(cassandra, 4, 32).write(users("Poison", "Poison", "Poison")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("every one of 3 Cassandra writes failed");
    }

    @Test
    void given_a_single_user_that_cannot_be_stored_when_written_then_it_is_returned() {
        assertThat(new RowWrites(cassandra, 4, 32).write(users("Poison")))
                .extracting(RowWrites.RowFailure::index)
                .containsExactly(0);
    }

    /** created_users and users_by_run as futures: "Poison" cannot be bound (as a date beyond Cassandra's range). */
    private static final class FakeCassandra implements RowWrites.Target {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<String> runRowsWritten = new CopyOnWriteArrayList<>();
        String refuseRunRowsOf = null;
        String failOnceFor = null;
        boolean timeOut;

        @Override
        public CompletionStage<?> user(UserRow user) {
            if (timeOut) {
                return CompletableFuture.failedFuture(new DriverTimeoutException("Query timed out after PT2S"));
            }
            if (user.firstName().equals("Poison")) {
                throw new ArithmeticException("long overflow"); // what binding Instant.MAX as a timestamp does
            }
            if (user.firstName().equals(failOnceFor)) {
                failOnceFor = null;
                return CompletableFuture.failedFuture(new RuntimeException("a hiccup"));
            }
            written.add(user.firstName());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> usersOfRun(UUID runId, List<UserRow> rows) {
            if (rows.stream().anyMatch(u -> u.firstName().equals(refuseRunRowsOf))) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("Mutation too large"));
            }
            rows.forEach(u -> runRowsWritten.add(u.firstName()));
            return CompletableFuture.completedFuture(null);
        }
    }

    private static List<UserRow> users(String... firstNames) {
        List<UserRow> users = new ArrayList<>();
        for (int i = 0; i < firstNames.length; i++) {
            users.add(new UserRow(
                    new UUID(7, i),
                    firstNames[i],
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    RUN,
                    "NO",
                    Instant.parse("2026-11-25T10:00:01.250Z")));
        }
        return users;
    }
}
