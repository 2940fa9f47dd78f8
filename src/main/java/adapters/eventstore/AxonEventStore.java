package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import application.port.out.AppendRunEventsPort;
import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import application.port.out.ProbeDependencyPort;
import application.port.out.RecordPersistedIdsPort;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.run.RunId;
import domain.user.UserId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The system of record: Axon Framework 4's JDBC event store, without Spring and without Axon
 * Server. A run's own events form the stream of aggregate type {@value #RUN_STREAM}, keyed by run
 * id, so loading a run reads a handful of events; user events are stored beside it as plain events
 * in the same transaction.
 */
public final class AxonEventStore
        implements AppendRunEventsPort, RecordPersistedIdsPort, LoadRunHistoryPort, FindRunsPort, ProbeDependencyPort, AutoCloseable {

    static final String RUN_STREAM = "IngestionRun";
    /** Axon's default table and column names, for the engine and for our own queries on its table. */
    private static final EventSchema EVENTS = EventSchema.builder().build();
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource dataSource;
    private final JdbcTransactions transactions;
    private final Serializer serializer;
    private final JdbcEventStorageEngine engine;
    private final EmbeddedEventStore eventStore;
    private final TokenStore tokenStore;

    private AxonEventStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.transactions = new JdbcTransactions(dataSource);
        this.serializer = JacksonSerializer.builder().objectMapper(objectMapper()).build();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(AxonEventStore::isDuplicateKey)
                .schema(EVENTS)
                .build();
        this.eventStore = new CommittedEventsSignal(EmbeddedEventStore.builder().storageEngine(engine), transactions);
        this.tokenStore = JdbcTokenStore.builder()
                .connectionProvider(transactions)
                .serializer(serializer)
                .schema(TokenSchema.builder().build())
                // a crashed instance's claim expires quickly, so a restart resumes publishing within seconds
                .claimTimeout(java.time.Duration.ofSeconds(5))
                .build();
    }

    /** Opens the store and creates its tables when they do not exist yet. */
    public static AxonEventStore open(EventStoreSettings settings) {
        AxonEventStore store = new AxonEventStore(dataSource(settings));
        store.createSchemaIfMissing();
        return store;
    }

    private static DataSource dataSource(EventStoreSettings settings) {
        if (settings.isH2()) {
            return JdbcConnectionPool.create(settings.jdbcUrl(), settings.user(), settings.password());
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(settings.jdbcUrl());
        postgres.setUser(settings.user());
        postgres.setPassword(settings.password());
        return postgres;
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // events outlive code: an old event with a field we dropped must still load
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Axon's PostgreSQL table factories work on H2 too, in its PostgreSQL mode: one schema for both. */
    private void createSchemaIfMissing() {
        transactions.executeInTransaction(() -> {
            try (Connection connection = transactions.getConnection()) {
                if (!tableExists(connection, EVENTS.domainEventTable())) {
                    PostgresEventTableFactory.INSTANCE.createDomainEventTable(connection, EVENTS).execute();
                    PostgresEventTableFactory.INSTANCE.createSnapshotEventTable(connection, EVENTS).execute();
                }
                if (!tableExists(connection, TokenSchema.builder().build().tokenTable())) {
                    PostgresTokenTableFactory.INSTANCE.createTable(connection, TokenSchema.builder().build()).execute();
                }
                RunIndex.createIfMissing(connection);
                PersistedUserTable.createIfMissing(connection);
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

    @Override
    public void append(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
        inAppendTransaction(runId, expectedVersion, () -> {
            publish(runId, expectedVersion, runEvents, userEvents);
            return null;
        });
    }

    @Override
    public int recordPersisted(RunId runId, int expectedVersion, Collection<UserId> userIds,
                               IntFunction<List<RunEvent>> decide) {
        return inAppendTransaction(runId, expectedVersion, () -> {
            int newlyPersisted = withConnection(connection -> PersistedUserTable.insertNew(connection, runId, userIds));
            List<RunEvent> events = decide.apply(newlyPersisted);
            if (!events.isEmpty()) {
                publish(runId, expectedVersion, events, List.of());
            }
            return newlyPersisted;
        });
    }

    /** How many distinct ids of the run were reported persisted. */
    int persistedIdCount(RunId runId) {
        return withConnection(connection -> PersistedUserTable.count(connection, runId));
    }

    /** Must run inside a transaction: the run events, the user events and the run index together. */
    private void publish(RunId runId, int expectedVersion, List<RunEvent> runEvents, List<UserEvent> userEvents) {
        List<EventMessage<?>> messages = new ArrayList<>(runEvents.size() + userEvents.size());
        long sequence = expectedVersion;
        for (RunEvent event : runEvents) {
            messages.add(new GenericDomainEventMessage<>(RUN_STREAM, runId.toString(), sequence++, event));
        }
        for (UserEvent event : userEvents) {
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        eventStore.publish(messages);
        withConnection(connection -> {
            RunIndex.record(connection, runId, runEvents);
            return null;
        });
    }

    /**
     * Axon wakes its tracking readers (the outbox) right after {@code publish}, which outside a unit
     * of work is before our transaction commits: the reader found nothing and slept for its fetch
     * delay, a second, before it saw the events. One single-user run in three paid that second.
     */
    private static final class CommittedEventsSignal extends EmbeddedEventStore {

        private final JdbcTransactions transactions;

        CommittedEventsSignal(EmbeddedEventStore.Builder builder, JdbcTransactions transactions) {
            super(builder);
            this.transactions = transactions;
        }

        @Override
        protected void afterCommit(List<? extends EventMessage<?>> events) {
            transactions.afterCommit(() -> super.afterCommit(events));
        }
    }

    private interface TransactionWork<T> {
        T run();
    }

    private <T> T inAppendTransaction(RunId runId, int expectedVersion, TransactionWork<T> work) {
        try {
            return transactions.fetchInTransaction(() -> {
                claim(runId, expectedVersion);
                return work.run();
            });
        } catch (ConcurrencyException e) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, e);
        } catch (EventStoreException e) {
            throw new EventStoreUnavailableException("cannot append the events of run " + runId, e);
        } catch (EventStoreUnavailableException e) {
            if (isDuplicateKey(e)) {
                // a unique key of the run index or the persisted ids: another writer got there first
                throw new ConcurrentRunUpdateException(runId, expectedVersion, e);
            }
            throw e;
        }
    }

    /**
     * Checks the expected version under the run's row lock, before anything is inserted. Without it
     * two writers of one run (a page and a persisted report) would both insert and one would roll
     * back at the unique key: the ids its events had taken stay gaps in the global index, and Axon's
     * tracking reader (the outbox) slows to a crawl while it carries thousands of gaps, until they
     * time out after a minute (100k users: 1.0k users/s to Kafka, 6k/s once the gaps were gone).
     */
    private void claim(RunId runId, int expectedVersion) {
        if (expectedVersion == 0) {
            return; // a new run: the unique keys of its first event and its idempotency key decide
        }
        boolean current = withConnection(connection -> RunIndex.lock(connection, runId)
                && nextSequence(connection, runId) == expectedVersion);
        if (!current) {
            throw new ConcurrentRunUpdateException(runId, expectedVersion, null);
        }
    }

    private static long nextSequence(Connection connection, RunId runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(" + EVENTS.sequenceNumberColumn() + ") FROM "
                + EVENTS.domainEventTable() + " WHERE " + EVENTS.aggregateIdentifierColumn() + " = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long last = rows.getLong(1);
                return rows.wasNull() ? 0 : last + 1;
            }
        }
    }

    @Override
    public List<RunEvent> loadHistory(RunId runId) {
        List<RunEvent> history = new ArrayList<>();
        transactions.executeInTransaction(() -> eventStore.readEvents(runId.toString()).asStream()
                .filter(message -> RUN_STREAM.equals(message.getType()))
                .map(message -> (RunEvent) message.getPayload())
                .forEach(history::add));
        return history;
    }

    @Override
    public Optional<RunId> findByIdempotencyKey(String idempotencyKey) {
        return withConnection(connection -> RunIndex.findByIdempotencyKey(connection, idempotencyKey));
    }

    @Override
    public List<RunId> listRecent(int limit) {
        return withConnection(connection -> RunIndex.listRecent(connection, limit));
    }

    @Override
    public List<RunId> listUnfinished() {
        return withConnection(RunIndex::listFetching);
    }

    @Override
    public long publishedCount(RunId runId) {
        return withConnection(connection -> RunIndex.published(connection, runId));
    }

    @Override
    public String name() {
        return "eventstore";
    }

    @Override
    public String probe() {
        try {
            withConnection(connection -> RunIndex.listRecent(connection, 1));
            return "ok";
        } catch (RuntimeException e) {
            return "event store unreachable: " + e.getMessage();
        }
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

    EventStore eventStore() {
        return eventStore;
    }

    /** Every stored event from the start, without waiting for new ones: for diagnostics and tests. */
    List<Object> readAllPayloads() {
        List<Object> payloads = new ArrayList<>();
        transactions.executeInTransaction(() -> engine.readEvents(null, false)
                .forEach(message -> payloads.add(message.getPayload())));
        return payloads;
    }

    /** The stored events after a token, without waiting for new ones, as the outbox's processor reads them. */
    List<TrackedEventMessage<?>> readTrackedAfter(TrackingToken token) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        transactions.executeInTransaction(() -> engine.readEvents(token, false).forEach(events::add));
        return events;
    }

    TokenStore tokenStore() {
        return tokenStore;
    }

    JdbcTransactions transactions() {
        return transactions;
    }

    private static boolean isDuplicateKey(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        eventStore.shutDown();
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
