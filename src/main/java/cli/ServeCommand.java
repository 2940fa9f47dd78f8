package cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import adapters.cassandra.CassandraClientSecurity;
import adapters.cassandra.CassandraSettings;
import adapters.eventstore.EventStoreSettings;
import adapters.http.HttpSettings;
import adapters.kafka.KafkaClientProperties;
import adapters.kafka.KafkaSettings;
import bootstrap.AppSettings;
import bootstrap.PipelineApp;
import domain.run.RequestLimits;
import localstack.ProjectHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    static final String INSECURE_OPEN = "--insecure-no-auth-on-trusted-network";

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Data and logs (default: <project>/work).")
    Path workDir;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "HTTP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(
            names = "--http-host",
            paramLabel = "ADDRESS",
            defaultValue = HttpSettings.DEFAULT_HOST,
            description = {
                "Interface the HTTP API binds to (default: ${DEFAULT-VALUE}). Any other address needs a",
                "token (PIPELINE_API_TOKEN or --api-token-file), or the app refuses to start."
            })
    String httpHost;

    @Option(
            names = "--http-allowed-hosts",
            paramLabel = "NAME[,NAME...]",
            split = ",",
            description = {
                "Host header names the API answers for, any port (default: localhost, 127.0.0.1, [::1]",
                "on a loopback bind; any name on other binds)."
            })
    List<String> httpAllowedHosts = new ArrayList<>();

    @Option(
            names = "--require-token-on-operations",
            description = "With a token, /ready and /metrics need it too (default: they stay open for probes).")
    boolean tokenOnOperations;

    @Option(
            names = INSECURE_OPEN,
            description = {
                "Serve a non-loopback address WITHOUT a token: only on a network where everyone who",
                "can reach the port may start runs and read every user. Logs a warning at each start."
            })
    boolean insecureOpen;

    @Mixin
    ApiTokenOptions apiToken;

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

    @Mixin
    KafkaClientOptions kafkaClient;

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

    @Mixin
    CassandraClientOptions cassandraClient;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CassandraSettings.Replication replication() {
        try {
            return CassandraSettings.Replication.parse(cassandraReplication);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cassandra-replication: " + e.getMessage());
        }
    }

    /**
     * The HTTP settings, refused in one line before anything starts when they would expose the API
     * to the network without a token.
     */
    private HttpSettings http(PrintWriter err) {
        HttpSettings http = HttpSettings.defaults()
                .withPort(httpPort)
                .withHost(httpHost)
                .withAllowedHosts(httpAllowedHosts)
                .withTokenOnOperations(tokenOnOperations)
                .withOpenOnTrustedNetwork(insecureOpen);
        String token = apiToken.resolve(err);
        if (token != null) {
            http = http.withBearerToken(token);
        }
        if (http.exposedWithoutToken()) {
            throw new UnsafeBindException("refusing to serve the API on " + httpHost + " without a token: anyone who"
                    + " reaches it could start runs and read every user. Set " + ApiTokenOptions.TOKEN_VARIABLE
                    + " or --api-token-file (at least " + HttpSettings.MIN_TOKEN_LENGTH + " characters), bind to "
                    + HttpSettings.DEFAULT_HOST + ", or on a trusted network pass " + INSECURE_OPEN);
        }
        if (insecureOpen && !http.authenticationEnabled() && !http.loopbackBind()) {
            err.println("warning: the API on " + httpHost + " is open WITHOUT AUTHENTICATION (" + INSECURE_OPEN + ")");
            err.flush();
        }
        return http;
    }

    /** The address actually bound, and how to reach it from here when that differs (a wildcard bind). */
    static String listening(HttpSettings http, URI reachable) {
        String host = http.host().contains(":") && !http.host().startsWith("[") ? "[" + http.host() + "]" : http.host();
        String bound = "http://" + host + ":" + reachable.getPort() + "/";
        return bound.equals(reachable.toString()) ? bound : bound + " (from this machine: " + reachable + ")";
    }

    /** A bind the user has to change or explicitly accept; its message is the one line the command prints. */
    static final class UnsafeBindException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnsafeBindException(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        // first: a refused bind or token must not leave half a start behind
        HttpSettings http = http(spec.commandLine().getErr());
        KafkaClientProperties kafkaProperties =
                kafkaClient.resolve(spec.commandLine().getErr());
        CassandraClientSecurity cassandraSecurity =
                cassandraClient.resolve(spec.commandLine().getErr());
        Path work =
                workDir != null ? workDir.toAbsolutePath() : ProjectHome.path().resolve("work");
        AppSettings settings = AppSettings.local(work, kafkaBootstrapServers, sourceUrl, httpPort)
                .withMaxPageSize(pageSize)
                .withCassandra(CassandraSettings.defaults(cassandraContactPoints)
                        .withKeyspace(cassandraKeyspace)
                        .withLocalDatacenter(cassandraDatacenter)
                        .withReplication(replication())
                        .withSecurity(cassandraSecurity)
                        .withPagingTokenSecret(
                                pagingTokenSecret == null || pagingTokenSecret.isBlank() ? null : pagingTokenSecret));
        settings = settings.withKafka(settings.kafka().withClientProperties(kafkaProperties));
        if (!kafkaTopicPrefix.isBlank()) {
            settings = settings.withKafka(settings.kafka().withTopics(KafkaSettings.Topics.prefixed(kafkaTopicPrefix)));
        }
        settings = settings.withHttp(http);
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
        out.printf("Pipeline app listening on %s%n", listening(settings.http(), base));
        String auth = settings.http().authenticationEnabled()
                ? "-H \"Authorization: Bearer $" + ApiTokenOptions.TOKEN_VARIABLE + "\" "
                : "";
        out.printf(
                "  command   curl -X POST %s-H 'Content-Type: application/json' -d '{\"count\":1000}' %sapi/commands/fetch-users%n",
                auth, base);
        out.printf("  runs      curl %s%sapi/runs%n", auth, base);
        out.printf("  openapi   %sopenapi.json%n  metrics   %smetrics%n", base, base);
        if (!app.resumedRuns().isEmpty()) {
            out.printf("Resumed %d unfinished run(s): %s%n", app.resumedRuns().size(), app.resumedRuns());
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
