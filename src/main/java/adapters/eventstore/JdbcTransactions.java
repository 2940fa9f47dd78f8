package adapters.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Axon ships no transaction manager outside Spring, so this is ours: a transaction binds
 * one JDBC connection to the current thread, and every Axon component asking for a connection on
 * that thread gets the same one, so events and tokens commit together. Nested transactions join
 * the outer one.
 */
final class JdbcTransactions implements TransactionManager, ConnectionProvider {

    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null) {
            return JOINED;
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            bound.set(connection);
            return new Transaction() {
                @Override
                public void commit() {
                    finish(connection, true);
                }

                @Override
                public void rollback() {
                    finish(connection, false);
                }
            };
        } catch (SQLException e) {
            throw new EventStoreUnavailableException("cannot open a connection to the event store", e);
        }
    }

    private void finish(Connection connection, boolean commit) {
        bound.remove();
        List<Runnable> committed = List.copyOf(afterCommit.get());
        afterCommit.remove();
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new EventStoreUnavailableException(
                    (commit ? "commit" : "rollback") + " failed in the event store", e);
        }
        if (commit) {
            committed.forEach(Runnable::run);
        }
    }

    /** Runs {@code action} once the current transaction has committed (now, outside one); never after a rollback. */
    void afterCommit(Runnable action) {
        if (bound.get() == null) {
            action.run();
        } else {
            afterCommit.get().add(action);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        if (connection == null) {
            return dataSource.getConnection();
        }
        // callers close what they get; the transaction's connection must outlive them
        return ConnectionWrapperFactory.wrap(connection, new ConnectionWrapperFactory.NoOpCloseHandler());
    }

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
            // the outer transaction commits
        }

        @Override
        public void rollback() {
            // the outer transaction rolls back when the exception reaches it
        }
    };
}
