package bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import adapters.cassandra.CassandraSettings;
import adapters.eventstore.EventStoreSettings;
import adapters.http.HttpSettings;
import adapters.kafka.KafkaSettings;
import adapters.randomuser.RandomUserSettings;
import application.FetchRunPages;
import domain.run.RequestLimits;

/** Everything the running app needs, gathered by the CLI (flags, environment, config file) or a test. */
public record AppSettings(
        HttpSettings http,
        KafkaSettings kafka,
        RandomUserSettings source,
        EventStoreSettings eventStore,
        FetchRunPages.Settings fetching,
        int maxPageSize,
        int outboxBatchSize,
        CassandraSettings cassandra) {

    /** The largest page RandomUser serves: the fewest requests per run. */
    static final int DEFAULT_PAGE_SIZE = RequestLimits.MAX_PAGE_SIZE;

    static final int DEFAULT_OUTBOX_BATCH = 1000;
    /** About 6 s of work at the ~3.4k users/s of 2 cores, and 4 pages of 5,000 ahead of the outbox. */
    static final int DEFAULT_MAX_USERS_IN_FLIGHT = 20_000;

    public static final String DEFAULT_CASSANDRA_CONTACT_POINTS = "127.0.0.1:9042";

    /**
     * The embedded default: loopback Kafka and source, H2 event store under the work directory,
     * Cassandra at {@value #DEFAULT_CASSANDRA_CONTACT_POINTS} keyspace spark_streams ({@link #withCassandra}).
     */
    public static AppSettings local(Path workDir, String kafkaBootstrapServers, URI sourceUrl, int httpPort) {
        return new AppSettings(
                HttpSettings.defaults().withPort(httpPort),
                KafkaSettings.defaults(kafkaBootstrapServers),
                RandomUserSettings.defaults().withBaseUrl(sourceUrl),
                EventStoreSettings.h2File(workDir.resolve("eventstore")),
                new FetchRunPages.Settings(4, 5, Duration.ofSeconds(1), DEFAULT_MAX_USERS_IN_FLIGHT),
                DEFAULT_PAGE_SIZE,
                DEFAULT_OUTBOX_BATCH,
                CassandraSettings.defaults(DEFAULT_CASSANDRA_CONTACT_POINTS));
    }

    public AppSettings withKafka(KafkaSettings value) {
        return new AppSettings(http, value, source, eventStore, fetching, maxPageSize, outboxBatchSize, cassandra);
    }

    public AppSettings withSource(RandomUserSettings value) {
        return new AppSettings(http, kafka, value, eventStore, fetching, maxPageSize, outboxBatchSize, cassandra);
    }

    public AppSettings withEventStore(EventStoreSettings value) {
        return new AppSettings(http, kafka, source, value, fetching, maxPageSize, outboxBatchSize, cassandra);
    }

    public AppSettings withHttp(HttpSettings value) {
        return new AppSettings(value, kafka, source, eventStore, fetching, maxPageSize, outboxBatchSize, cassandra);
    }

    public AppSettings withMaxPageSize(int value) {
        return new AppSettings(http, kafka, source, eventStore, fetching, value, outboxBatchSize, cassandra);
    }

    public AppSettings withFetching(FetchRunPages.Settings value) {
        return new AppSettings(http, kafka, source, eventStore, value, maxPageSize, outboxBatchSize, cassandra);
    }

    public AppSettings withCassandra(CassandraSettings value) {
        return new AppSettings(http, kafka, source, eventStore, fetching, maxPageSize, outboxBatchSize, value);
    }
}
