package adapters.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import domain.run.RequestLimits;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;

/**
 * The store's tables: Axon's events, snapshots and tracking tokens, and beside them our
 * {@link RunIndex} and {@link RunPageTable} (and, emptied, the {@link LegacyIdTables}). A run's own events form the stream of aggregate
 * type {@value #RUN_STREAM}, keyed by run id, so loading a run reads a handful of events; user
 * events are stored beside it as plain events.
 */
final class EventStoreSchema {

    static final String RUN_STREAM = "IngestionRun";
    /** Axon's default table and column names, for the engine and for our own queries on its table. */
    static final EventSchema EVENTS = EventSchema.builder().build();

    static final TokenSchema TOKENS = TokenSchema.builder().build();

    private EventStoreSchema() {}

    /** Axon's PostgreSQL table factories work on H2 too, in its PostgreSQL mode: one schema for both. */
    static void createIfMissing(JdbcTransactions transactions) {
        transactions.executeInTransaction(() -> {
            try (Connection connection = transactions.getConnection()) {
                if (!tableExists(connection, EVENTS.domainEventTable())) {
                    PostgresEventTableFactory.INSTANCE
                            .createDomainEventTable(connection, EVENTS)
                            .execute();
                    PostgresEventTableFactory.INSTANCE
                            .createSnapshotEventTable(connection, EVENTS)
                            .execute();
                }
                if (!tableExists(connection, TOKENS.tokenTable())) {
                    PostgresTokenTableFactory.INSTANCE
                            .createTable(connection, TOKENS)
                            .execute();
                }
                createRunIndex(connection);
                LegacyIdTables.createIfMissing(connection, tableExists(connection, LegacyIdTables.FETCHED));
                addReplayColumns(connection);
                RunPageTable.create(connection);
                LegacyIdTables.moveToRunPages(connection);
                addRunIndexCounters(connection);
            } catch (SQLException e) {
                throw new EventStoreUnavailableException("cannot create the event store's tables", e);
            }
        });
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        // PostgreSQL aborts the whole transaction on any error and its DDL is transactional: roll back
        // to a savepoint only, or the tables created just before in this transaction vanish too
        Savepoint beforeProbe = connection.setSavepoint();
        try (Statement probe = connection.createStatement()) {
            probe.setMaxRows(1);
            probe.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            connection.releaseSavepoint(beforeProbe);
            return true;
        } catch (SQLException missing) {
            connection.rollback(beforeProbe);
            return false;
        }
    }

    private static void createRunIndex(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + RunIndex.TABLE + " ("
                    + "run_id VARCHAR(36) PRIMARY KEY, "
                    + "idempotency_key VARCHAR(" + RequestLimits.MAX_IDEMPOTENCY_KEY_LENGTH + ") UNIQUE, "
                    + "requested_at TIMESTAMP NOT NULL, "
                    + "status VARCHAR(16) NOT NULL, "
                    + "published BIGINT NOT NULL DEFAULT 0)");
            ddl.execute("CREATE INDEX IF NOT EXISTS run_index_requested_at ON " + RunIndex.TABLE + " (requested_at)");
        }
    }

    /**
     * The replay's bookkeeping (docs/adr/0010), added to stores created before it: the run index keeps
     * the latest replay's number and how far it published. Both databases know
     * {@code ADD COLUMN IF NOT EXISTS}.
     */
    private static void addReplayColumns(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE " + RunIndex.TABLE + " ADD COLUMN IF NOT EXISTS replay INT DEFAULT 0 NOT NULL");
            ddl.execute("ALTER TABLE " + RunIndex.TABLE
                    + " ADD COLUMN IF NOT EXISTS replay_published BIGINT DEFAULT 0 NOT NULL");
        }
    }

    /**
     * Reported ids a run never fetched (forged or stray {@code users_persisted} messages): counted in
     * the run index, beside the event stream, so a flood of them cannot grow the run's stream.
     */
    private static void addRunIndexCounters(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE " + RunIndex.TABLE
                    + " ADD COLUMN IF NOT EXISTS ignored_ids BIGINT DEFAULT 0 NOT NULL");
        }
    }
}
