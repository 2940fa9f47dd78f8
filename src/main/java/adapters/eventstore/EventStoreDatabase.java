package adapters.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the event store lives in: an embedded H2 file or a PostgreSQL server, chosen by the
 * settings' URL, and the transactions every part of the store runs its SQL in.
 */
final class EventStoreDatabase implements AutoCloseable {

    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final JdbcTransactions transactions;

    private EventStoreDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new JdbcTransactions(dataSource);
    }

    static EventStoreDatabase open(EventStoreSettings settings) {
        if (settings.isH2()) {
            return new EventStoreDatabase(
                    JdbcConnectionPool.create(settings.jdbcUrl(), settings.user(), settings.password()));
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(settings.jdbcUrl());
        postgres.setUser(settings.user());
        postgres.setPassword(settings.password());
        return new EventStoreDatabase(postgres);
    }

    JdbcTransactions transactions() {
        return transactions;
    }

    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs SQL on the current transaction's connection, or in a transaction of its own. */
    <T> T withConnection(SqlWork<T> work) {
        return transactions.fetchInTransaction(() -> {
            try (Connection connection = transactions.getConnection()) {
                return work.apply(connection);
            } catch (SQLException e) {
                throw new EventStoreUnavailableException("event store query failed", e);
            }
        });
    }

    /**
     * Writes every committed transaction to the file now, when the database is the embedded H2. H2
     * keeps a commit in the JVM's memory for up to its write delay (500 ms) before it writes it, so
     * kill -9 of the app loses it. A PostgreSQL commit is durable when it returns: nothing to do.
     */
    void writeCommitsToFile() {
        if (!(dataSource instanceof JdbcConnectionPool)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                Statement checkpoint = connection.createStatement()) {
            checkpoint.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new EventStoreUnavailableException("cannot write the event store's commits to its file", e);
        }
    }

    /** A unique key refused a row, in either database (the SQL standard's state, which both report). */
    static boolean isDuplicateKey(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Closes the embedded database's pooled connections; a PostgreSQL data source holds none. */
    @Override
    public void close() {
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
