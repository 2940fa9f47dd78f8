package adapters.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTransactionsTest {

    private JdbcConnectionPool pool;
    private JdbcTransactions transactions;

    @BeforeEach
    void freshDatabase() throws SQLException {
        pool = JdbcConnectionPool.create(
                "jdbc:h2:mem:" + getClass().getSimpleName() + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        transactions = new JdbcTransactions(pool);
        try (Connection connection = pool.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE t (v INT)");
        }
    }

    @AfterEach
    void dispose() {
        pool.dispose();
    }

    @Test
    void given_a_transaction_when_it_commits_then_the_after_commit_action_runs_once_and_sees_the_committed_rows() {
        List<Integer> seenByAction = new ArrayList<>();

        transactions.executeInTransaction(() -> {
            insert(1);
            transactions.afterCommit(() -> seenByAction.add(countFromAnotherConnection()));
            assertThat(seenByAction).as("not before the commit").isEmpty();
        });

        assertThat(seenByAction).containsExactly(1);
    }

    @Test
    void given_a_transaction_when_it_rolls_back_then_the_after_commit_action_never_runs() {
        List<String> ran = new ArrayList<>();

        assertThatThrownBy(() -> transactions.executeInTransaction(() -> {
                    insert(1);
                    transactions.afterCommit(() -> ran.add("after commit"));
                    throw new IllegalStateException("append failed");
                }))
                .hasMessage("append failed");
        transactions.executeInTransaction(() -> insert(2));

        assertThat(ran).isEmpty();
        assertThat(countFromAnotherConnection()).isEqualTo(1);
    }

    @Test
    void given_no_transaction_when_an_after_commit_action_is_registered_then_it_runs_at_once() {
        List<String> ran = new ArrayList<>();

        transactions.afterCommit(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
    }

    private void insert(int value) {
        try (Connection connection = transactions.getConnection();
                Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO t VALUES (" + value + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int countFromAnotherConnection() {
        try (Connection other = pool.getConnection();
                Statement query = other.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
