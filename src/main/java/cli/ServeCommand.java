package cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import adapters.cassandra.CassandraSettings;
import adapters.eventstore.EventStoreSettings;
import adapters.kafka.KafkaSettings;
import bootstrap.AppSettings;
import bootstrap.PipelineApp;
import domain.run.RequestLimits;
import localstack.ProjectHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline serve}: the app itself, taking commands over HTTP until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the app: HTTP commands and admin API, the page fetcher and the Kafka outbox.",
            "Needs a reachable Kafka (see `./pipeline up`). Unfinished runs resume by themselves on start."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Data and logs (default: <project>/work).")
    Path workDir;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "HTTP port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--http-host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = {
                "Interface the HTTP API binds to (default: ${DEFAULT-VALUE}). In a container, 0.0.0.0;",
                "on a shared host, keep loopback or set --api-token."
            })
    String httpHost;

    @Option(
            names = "--api-token",
            paramLabel = "TOKEN",
            description =
                    "Bearer token required on /api/commands/* (default: none, auth off). Prefer PIPELINE_API_TOKEN.")
    String apiToken;

    @Option(
            names = "--paging-token-secret",
            paramLabel = "SECRET",
            description = "Key (32+ characters) that signs the users list's page tokens, so they survive a restart"
                    + " and work on every instance (default: random per process). Prefer PIPELINE_PAGING_TOKEN_SECRET.")
    String pagingTokenSecret;

    @Option(
            names = "--kafka-bootstrap-servers",
            paramLabel = "HOST:PORT",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String kafkaBootstrapServers;

    @Option(
            names = "--kafka-topic-prefix",
            paramLabel = "PREFIX",
            defaultValue = "",
            description = "Prefix for the contract topics, to share one Kafka between stacks (default: none).")
    String kafkaTopicPrefix;

    @Option(
            names = "--source-url",
            paramLabel = "URL",
            defaultValue = "https://randomuser.me/api/1.4/",
            description =
                    "RandomUser API base URL, the public API or any compatible server (default: ${DEFAULT-VALUE}).")
    URI sourceUrl;

    @Option(
            names = "--eventstore-url",
            paramLabel = "JDBC-URL",
            description = "Event store: jdbc:postgresql://... or jdbc:h2:... (default: an H2 file under the work dir).")
    String eventStoreUrl;

    @Option(names = "--eventstore-user", paramLabel = "USER", description = "Event store user.")
    String eventStoreUser;

    @Option(
            names = "--eventstore-password",
            paramLabel = "PASSWORD",
            description = "Event store password. Prefer PIPELINE_EVENTSTORE_PASSWORD.")
    String eventStorePassword;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "" + RequestLimits.MAX_PAGE_SIZE,
            description =
                    "Users per RandomUser page, 1-" + RequestLimits.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(
            names = "--cassandra-contact-points",
            paramLabel = "HOST:PORT[,HOST:PORT...]",
            defaultValue = AppSettings.DEFAULT_CASSANDRA_CONTACT_POINTS,
            description = "Cassandra nodes the user queries read from (default: ${DEFAULT-VALUE}).")
    String cassandraContactPoints;

    @Option(
            names = "--cassandra-keyspace",
            paramLabel = "NAME",
            defaultValue = CassandraSettings.DEFAULT_KEYSPACE,
            description = "Keyspace of created_users (default: ${DEFAULT-VALUE}).")
    String cassandraKeyspace;

    @Option(
            names = "--cassandra-datacenter",
            paramLabel = "DC",
            defaultValue = CassandraSettings.DEFAULT_DATACENTER,
            description = "The Cassandra driver's local datacenter (default: ${DEFAULT-VALUE}).")
    String cassandraDatacenter;

    @Option(
            names = "--cassandra-replication",
            paramLabel = "RF|DC:RF[,DC:RF...]",
            defaultValue = "1",
            description = {
                "Replication of the keyspace when the app creates it: a factor for SimpleStrategy (\"1\"",
                "locally) or datacenter:factor pairs for NetworkTopologyStrategy (\"dc1:3,dc2:3\"). An existing",
                "keyspace keeps its own (default: ${DEFAULT-VALUE})."
            })
    String cassandraReplication;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CassandraSettings.Replication replication() {
        try {
            return CassandraSettings.Replication.parse(cassandraReplication);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cassandra-replication: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path work =
                workDir != null ? workDir.toAbsolutePath() : ProjectHome.path().resolve("work");
        AppSettings settings = AppSettings.local(work, kafkaBootstrapServers, sourceUrl, httpPort)
                .withMaxPageSize(pageSize)
                .withCassandra(CassandraSettings.defaults(cassandraContactPoints)
                        .withKeyspace(cassandraKeyspace)
                        .withLocalDatacenter(cassandraDatacenter)
                        .withReplication(replication())
                        .withPagingTokenSecret(
                                pagingTokenSecret == null || pagingTokenSecret.isBlank() ? null : pagingTokenSecret));
        if (!kafkaTopicPrefix.isBlank()) {
            settings = settings.withKafka(settings.kafka().withTopics(KafkaSettings.Topics.prefixed(kafkaTopicPrefix)));
        }
        settings = settings.withHttp(settings.http().withHost(httpHost));
        if (apiToken != null && !apiToken.isBlank()) {
            settings = settings.withHttp(settings.http().withBearerToken(apiToken));
        }
        if (eventStoreUrl != null && !eventStoreUrl.isBlank()) {
            settings =
                    settings.withEventStore(new EventStoreSettings(eventStoreUrl, eventStoreUser, eventStorePassword));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PipelineApp app = PipelineApp.start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            app.close();
                            stopped.countDown();
                        },
                        "pipeline-app-stop"));
        URI base = app.baseUri();
        out.printf("Pipeline app up on %s%n", base);
        out.printf(
                "  command   curl -X POST -H 'Content-Type: application/json' -d '{\"count\":1000}' %sapi/commands/fetch-users%n",
                base);
        out.printf("  runs      %sapi/runs%n  openapi   %sopenapi.json%n  metrics   %smetrics%n", base, base, base);
        if (!app.resumedRuns().isEmpty()) {
            out.printf("Resumed %d unfinished run(s): %s%n", app.resumedRuns().size(), app.resumedRuns());
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
