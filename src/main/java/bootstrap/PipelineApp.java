package bootstrap;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import adapters.cassandra.CassandraUsers;
import adapters.eventstore.AxonEventStore;
import adapters.eventstore.UsersCreatedOutbox;
import adapters.http.HttpApi;
import adapters.kafka.KafkaAdapter;
import adapters.kafka.KafkaUserPublisher;
import adapters.kafka.PersistedUsersConsumer;
import adapters.randomuser.RandomUserAdapter;
import application.CancelRun;
import application.CheckHealth;
import application.FetchRunPages;
import application.PublishFetchedUsers;
import application.RecordPersistedUsers;
import application.ReplayRun;
import application.RequestUserFetch;
import application.ResumeUnfinishedRuns;
import application.ViewRuns;
import application.ViewUsers;
import application.WatchDependencies;
import domain.run.RunId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every adapter, hands them to the use cases, and starts the parts
 * that run on their own (the page fetcher, the Kafka outbox, replays, the HTTP API). Closing stops them in
 * reverse order. Nothing else in the product knows more than one adapter.
 */
public final class PipelineApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineApp.class);
    /** How soon a run's view says a dependency went away, and how soon it stops saying so. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);

    private final AxonEventStore store;
    private final KafkaUserPublisher publisher;
    private final FetchRunPages fetcher;
    private final UsersCreatedOutbox outbox;
    private final CassandraUsers cassandra;
    private final PersistedUsersConsumer persisted;
    private final HttpApi http;
    private final List<RunId> resumed;
    private final ReplayRun replay;
    private final WatchDependencies dependencies;

    private PipelineApp(
            AxonEventStore store,
            KafkaUserPublisher publisher,
            FetchRunPages fetcher,
            UsersCreatedOutbox outbox,
            CassandraUsers cassandra,
            PersistedUsersConsumer persisted,
            HttpApi http,
            List<RunId> resumed,
            ReplayRun replay,
            WatchDependencies dependencies) {
        this.store = store;
        this.publisher = publisher;
        this.fetcher = fetcher;
        this.outbox = outbox;
        this.cassandra = cassandra;
        this.persisted = persisted;
        this.http = http;
        this.resumed = resumed;
        this.replay = replay;
        this.dependencies = dependencies;
    }

    public static PipelineApp start(AppSettings settings) {
        Clock clock = Clock.systemUTC();
        AxonEventStore store = AxonEventStore.open(settings.eventStore());
        KafkaUserPublisher publisher = null;
        FetchRunPages fetcher = null;
        UsersCreatedOutbox outbox = null;
        CassandraUsers cassandra = null;
        PersistedUsersConsumer persisted = null;
        ReplayRun replay = null;
        WatchDependencies dependencies = null;
        try {
            int usersCreatedMaxMessageBytes = KafkaAdapter.ensureTopics(settings.kafka());
            publisher = KafkaAdapter.userPublisher(settings.kafka(), usersCreatedMaxMessageBytes);
            fetcher = new FetchRunPages(
                    RandomUserAdapter.create(settings.source()),
                    store.appendRunEvents(),
                    store.loadRunHistory(),
                    clock,
                    settings.fetching());
            outbox = UsersCreatedOutbox.start(
                    store,
                    new PublishFetchedUsers(
                            publisher, store.appendRunEvents(), store.loadRunHistory(), clock, fetcher::start),
                    settings.outboxBatchSize());
            cassandra = CassandraUsers.connect(settings.cassandra());
            persisted = KafkaAdapter.persistedUsersConsumer(
                    settings.kafka(),
                    PersistedUsersConsumer.DEFAULT_GROUP_ID,
                    new RecordPersistedUsers(
                            store.loadRunHistory(), store.recordPersistedIds(), clock, fetcher::start));
            List<RunId> resumed = new ResumeUnfinishedRuns(store.findRuns(), fetcher).resume();
            RequestUserFetch requestFetch = new RequestUserFetch(
                    store.appendRunEvents(),
                    store.loadRunHistory(),
                    store.findRuns(),
                    fetcher,
                    clock,
                    new Random(),
                    settings.maxPageSize(),
                    RequestUserFetch.DEFAULT_MAX_ACTIVE_RUNS);
            replay = new ReplayRun(
                    store.loadRunHistory(),
                    store.appendRunEvents(),
                    store.findRuns(),
                    store.loadStoredUsers(),
                    store.recordReplayProgress(),
                    publisher,
                    clock,
                    new ReplayRun.Settings(settings.outboxBatchSize(), ReplayRun.Settings.DEFAULT_RETRY_DELAY));
            List<RunId> replaysResumed = replay.resume();
            if (!replaysResumed.isEmpty()) {
                LOG.info("resumed the replays of {} run(s): {}", replaysResumed.size(), replaysResumed);
            }
            dependencies =
                    new WatchDependencies(List.of(store.healthProbe(), publisher, cassandra), clock).start(PROBE_EVERY);
            HttpApi http = HttpApi.start(
                    settings.http(),
                    requestFetch,
                    replay,
                    new CancelRun(store.loadRunHistory(), store.appendRunEvents(), store.findRuns(), clock),
                    new ViewRuns(store.loadRunHistory(), store.findRuns(), dependencies),
                    new ViewUsers(cassandra, cassandra),
                    new CheckHealth(List.of(store.healthProbe(), publisher, cassandra)),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            return new PipelineApp(
                    store, publisher, fetcher, outbox, cassandra, persisted, http, resumed, replay, dependencies);
        } catch (RuntimeException e) {
            closeAll(dependencies, replay, persisted, cassandra, outbox, fetcher, publisher, store);
            throw e;
        }
    }

    public URI baseUri() {
        return http.baseUri();
    }

    public List<RunId> resumedRuns() {
        return resumed;
    }

    @Override
    public void close() {
        closeAll(http, dependencies, replay, persisted, cassandra, outbox, fetcher, publisher, store);
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("while stopping {}", part.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
