package adapters.eventstore;

import java.time.Duration;

import application.port.out.AppendRunEventsPort;
import application.port.out.FindRunsPort;
import application.port.out.LoadRunHistoryPort;
import application.port.out.LoadStoredUsersPort;
import application.port.out.ProbeDependencyPort;
import application.port.out.RecordPersistedIdsPort;
import application.port.out.RecordReplayProgressPort;
import json.PipelineJson;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The system of record: Axon Framework 4's JDBC event store, without Spring and without Axon
 * Server. Opening it creates its tables ({@link EventStoreSchema}) when they do not exist yet; it
 * hands out the outbound ports the use cases need, and {@link UsersCreatedOutbox} reads from it.
 */
public final class AxonEventStore implements AutoCloseable {

    private final EventStoreDatabase database;
    private final JdbcEventStorageEngine engine;
    private final EmbeddedEventStore eventStore;
    private final TokenStore tokenStore;
    private final RunStreamAppender appender;
    private final PersistedIdsRecorder persistedIds;
    private final RunHistoryReader history;
    private final RunIndexReader runIndex;
    private final EventStoreProbe probe;
    private final StoredUsersReader storedUsers;
    private final ReplayProgressRecorder replayProgress;

    private AxonEventStore(EventStoreDatabase database) {
        this.database = database;
        JdbcTransactions transactions = database.transactions();
        // the build's one mapper configuration: ISO-8601 instants, and an old event with a field we dropped
        // still loads (StoredEventFormatTest). Axon registers its own modules on the mapper it is given, so it
        // gets a copy: the shared mapper stays as configured, and two stores opening at once cannot race on it.
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(PipelineJson.mapper().copy())
                .build();
        Serializer events = new EventPayloadSerializer(serializer);
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(events)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(EventStoreDatabase::isDuplicateKey)
                .schema(EventStoreSchema.EVENTS)
                .readEventDataWithGaps(new GapsByIndexQuery())
                .build();
        this.eventStore = new CommittedEventsSignal(EmbeddedEventStore.builder().storageEngine(engine), transactions);
        this.tokenStore = JdbcTokenStore.builder()
                .connectionProvider(transactions)
                .serializer(serializer)
                .schema(EventStoreSchema.TOKENS)
                // a crashed instance's claim expires quickly, so a restart resumes publishing within seconds
                .claimTimeout(Duration.ofSeconds(5))
                .build();
        this.appender = new RunStreamAppender(database, eventStore);
        this.persistedIds = new PersistedIdsRecorder(database, appender);
        this.history = new RunHistoryReader(transactions, eventStore);
        this.runIndex = new RunIndexReader(database);
        this.probe = new EventStoreProbe(database);
        this.storedUsers = new StoredUsersReader(database, events);
        this.replayProgress = new ReplayProgressRecorder(database);
    }

    /** Opens the store and creates its tables when they do not exist yet. */
    public static AxonEventStore open(EventStoreSettings settings) {
        AxonEventStore store = new AxonEventStore(EventStoreDatabase.open(settings));
        EventStoreSchema.createIfMissing(store.database.transactions());
        return store;
    }

    public AppendRunEventsPort appendRunEvents() {
        return appender;
    }

    public RecordPersistedIdsPort recordPersistedIds() {
        return persistedIds;
    }

    public LoadRunHistoryPort loadRunHistory() {
        return history;
    }

    public FindRunsPort findRuns() {
        return runIndex;
    }

    public ProbeDependencyPort healthProbe() {
        return probe;
    }

    /** A run's stored users, read for a replay (docs/adr/0010). */
    public LoadStoredUsersPort loadStoredUsers() {
        return storedUsers;
    }

    public RecordReplayProgressPort recordReplayProgress() {
        return replayProgress;
    }

    EventStoreDatabase database() {
        return database;
    }

    JdbcTransactions transactions() {
        return database.transactions();
    }

    EmbeddedEventStore eventStore() {
        return eventStore;
    }

    TokenStore tokenStore() {
        return tokenStore;
    }

    /** Reads stored events without waiting for new ones, unlike {@link #eventStore()}'s tracking streams. */
    JdbcEventStorageEngine storageEngine() {
        return engine;
    }

    @Override
    public void close() {
        eventStore.shutDown();
        database.close();
    }
}
