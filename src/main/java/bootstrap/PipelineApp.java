package bootstrap;

import java.net.URI;
import java.time.Clock;
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
import application.CheckHealth;
import application.FetchRunPages;
import application.PublishFetchedUsers;
import application.RecordPersistedUsers;
import application.RequestUserFetch;
import application.ResumeUnfinishedRuns;
import application.ViewRuns;
import application.ViewUsers;
import domain.run.RunId;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The composition root: builds every adapter, hands them to the use cases, and starts the parts
 * that run on their own (the page fetcher, the Kafka outbox, the HTTP API). Closing stops them in
 * reverse order. Nothing else in the code base knows more than one adapter.
 */
final class PipelineApp implements AutoCloseable {

    private final AxonEventStore store;
    private final KafkaUserPublisher publisher;
    private final FetchRunPages fetcher;
    private final UsersCreatedOutbox outbox;
    private final CassandraUsers cassandra;
    private final PersistedUsersConsumer persisted;
    private final HttpApi http;
    private final List<RunId> resumed;

    private PipelineApp(AxonEventStore store, KafkaUserPublisher publisher, FetchRunPages fetcher,
                        UsersCreatedOutbox outbox, CassandraUsers cassandra, PersistedUsersConsumer persisted,
                        HttpApi http, List<RunId> resumed) {
        this.store = store;
        this.publisher = publisher;
        this.fetcher = fetcher;
        this.outbox = outbox;
        this.cassandra = cassandra;
        this.persisted = persisted;
        this.http = http;
        this.resumed = resumed;
    }

    static PipelineApp start(AppSettings settings) {
        Clock clock = Clock.systemUTC();
        AxonEventStore store = AxonEventStore.open(settings.eventStore());
        KafkaUserPublisher publisher = null;
        FetchRunPages fetcher = null;
        UsersCreatedOutbox outbox = null;
        CassandraUsers cassandra = null;
        PersistedUsersConsumer persisted = null;
        try {
            KafkaAdapter.ensureTopics(settings.kafka());
            publisher = KafkaAdapter.userPublisher(settings.kafka());
            fetcher = new FetchRunPages(RandomUserAdapter.create(settings.source()), store, store, clock, settings.fetching());
            outbox = UsersCreatedOutbox.start(store, new PublishFetchedUsers(publisher), settings.outboxBatchSize());
            cassandra = CassandraUsers.connect(settings.cassandra());
            persisted = KafkaAdapter.persistedUsersConsumer(settings.kafka(), PersistedUsersConsumer.DEFAULT_GROUP_ID,
                    new RecordPersistedUsers(store, store, clock, fetcher::start));
            List<RunId> resumed = new ResumeUnfinishedRuns(store, fetcher).resume();
            RequestUserFetch requestFetch =
                    new RequestUserFetch(store, store, store, fetcher, clock, new Random(), settings.maxPageSize());
            HttpApi http = HttpApi.start(settings.http(), requestFetch, new ViewRuns(store, store),
                    new ViewUsers(cassandra, cassandra), new CheckHealth(List.of(store, publisher, cassandra)),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            return new PipelineApp(store, publisher, fetcher, outbox, cassandra, persisted, http, resumed);
        } catch (RuntimeException e) {
            closeAll(persisted, cassandra, outbox, fetcher, publisher, store);
            throw e;
        }
    }

    URI baseUri() {
        return http.baseUri();
    }

    List<RunId> resumedRuns() {
        return resumed;
    }

    @Override
    public void close() {
        closeAll(http, persisted, cassandra, outbox, fetcher, publisher, store);
    }

    private static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    System.getLogger(PipelineApp.class.getName())
                            .log(System.Logger.Level.WARNING, "while stopping " + part.getClass().getSimpleName(), e);
                }
            }
        }
    }
}
