package adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;

import application.port.in.CancelRunUseCase;
import application.port.in.CheckHealthQuery;
import application.port.in.IdempotencyConflictException;
import application.port.in.InvalidCommandException;
import application.port.in.ReplayRunUseCase;
import application.port.in.RequestUserFetchUseCase;
import application.port.in.RunConflictException;
import application.port.in.TooManyRunsException;
import application.port.in.ViewRunsQuery;
import application.port.in.ViewUsersQuery;
import domain.run.RunRuleViolation;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import json.PipelineJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP adapter: commands, run queries, health, metrics and the OpenAPI document (docs/contracts.md, "HTTP API").
 * The composition root starts it once and closes it on shutdown; everything else in this package is
 * an implementation detail.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    static final String OPENAPI_RESOURCE = "/openapi.json";

    private final Javalin app;
    private final HttpSettings settings;

    private HttpApi(Javalin app, HttpSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    /**
     * Binds and serves until {@link #close()}.
     *
     * @throws IllegalStateException when the address cannot be bound (port taken, unknown host)
     */
    public static HttpApi start(
            HttpSettings settings,
            RequestUserFetchUseCase fetchUsers,
            ReplayRunUseCase replay,
            CancelRunUseCase cancel,
            ViewRunsQuery runs,
            ViewUsersQuery users,
            CheckHealthQuery health,
            PrometheusMeterRegistry registry) {
        if (settings.exposedWithoutToken()) {
            // The command line says so in its own words first; this guards every other caller.
            throw new IllegalStateException("HTTP API cannot listen on " + settings.host()
                    + " without a bearer token: anyone on the network could drive it");
        }
        Javalin app = create(settings, fetchUsers, replay, cancel, runs, users, health, registry);
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException(
                    "HTTP API cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        HttpApi api = new HttpApi(app, settings);
        if (!settings.authenticationEnabled() && !settings.loopbackBind()) {
            log.warn(
                    "HTTP API open WITHOUT AUTHENTICATION on {}:{}: anyone who reaches this network can start runs"
                            + " (--insecure-no-auth-on-trusted-network)",
                    settings.host(),
                    api.port());
        }
        log.info(
                "HTTP API listening on {}:{} (bearer auth {})",
                settings.host(),
                api.port(),
                settings.authenticationEnabled() ? "on for /api/*" : "off");
        return api;
    }

    /** The configured application, not started: tests run it with JavalinTest on a free port. */
    static Javalin create(
            HttpSettings settings,
            RequestUserFetchUseCase fetchUsers,
            ReplayRunUseCase replay,
            CancelRunUseCase cancel,
            ViewRunsQuery runs,
            ViewUsersQuery users,
            CheckHealthQuery health,
            PrometheusMeterRegistry registry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(fetchUsers, "fetchUsers");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(registry, "registry");

        CommandHandlers commands =
                new CommandHandlers(fetchUsers, replay, cancel, new JsonBodies(settings.maxRequestBodyBytes()));
        RunHandlers runViews = new RunHandlers(runs);
        UserHandlers userViews = new UserHandlers(users);
        OperationsHandlers operations = new OperationsHandlers(health, registry, openApiDocument());
        ErrorResponses errors = new ErrorResponses();
        HttpMetrics metrics = new HttpMetrics(registry);
        BearerAuth auth = settings.authenticationEnabled() ? new BearerAuth(settings.bearerToken()) : null;
        HostAllowList hosts = HostAllowList.of(settings);

        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            // A client that got the method wrong should hear that, not that the path does not exist.
            config.http.prefer405over404 = true;
            // JsonBodies enforces the limit; this keeps Javalin's own ctx.body() limit in step should anyone use it.
            config.http.maxRequestSize = settings.maxRequestBodyBytes();
            // responses are written with the same rules as every other JSON the monolith writes
            config.jsonMapper(new JavalinJackson(PipelineJson.mapper(), false));
            // Integer query parameters have always tolerated blanks around the number ("?limit=%2010"),
            // but only blanks: trim() would also drop control characters ("?limit=46%02" was accepted).
            config.validation.register(Integer.class, value -> Integer.parseInt(value.strip()));
            config.requestLogger.http(metrics::record);
            // Jetty's own 400/414/431 in the API's error shape, not its HTML page.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            config.router.mount(router -> {
                if (hosts != null) {
                    // before, not beforeMatched: a rebound page must not even learn which paths exist.
                    router.before(hosts::requireAllowedHost);
                }
                if (auth != null) {
                    // beforeMatched, not before: it runs once a route matched, so metrics still see the route template.
                    router.beforeMatched("/api/*", auth::requireToken);
                    if (settings.tokenOnOperations()) {
                        router.beforeMatched("/ready", auth::requireToken);
                        router.beforeMatched("/metrics", auth::requireToken);
                    }
                }
                router.post("/api/commands/fetch-users", commands::fetchUsers);
                router.post(CommandHandlers.REPLAY_ROUTE, commands::replay);
                router.post(CommandHandlers.CANCEL_ROUTE, commands::cancel);
                router.get("/api/runs", runViews::list);
                router.get("/api/runs/{runId}", runViews::show);
                router.get("/api/runs/{runId}/users", userViews::listOfRun);
                router.get("/api/users/{id}", userViews::show);
                router.get("/health", operations::health);
                router.get("/ready", operations::ready);
                router.get("/metrics", operations::metrics);
                router.get("/openapi.json", operations::openApi);
                // Javalin picks the handler of the most specific type; its own 404 and 405 are HttpResponseExceptions.
                router.exception(HttpResponseException.class, errors::httpResponse);
                router.exception(InvalidCommandException.class, errors::invalidCommand);
                router.exception(RunRuleViolation.class, errors::ruleViolation);
                router.exception(RunConflictException.class, errors::conflict);
                router.exception(TooManyRunsException.class, errors::tooManyRuns);
                router.exception(IdempotencyConflictException.class, errors::idempotencyConflict);
                router.exception(Exception.class, errors::unexpected);
            });
        });
    }

    /** The port actually bound: the configured one, or the one the system chose for port 0. */
    public int port() {
        return app.port();
    }

    /** Where a client on this machine reaches the API, e.g. {@code http://127.0.0.1:8080/}. */
    public URI baseUri() {
        return URI.create("http://" + reachableHost(settings.host()) + ":" + port() + "/");
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A wildcard bind address is not something to connect to; loopback is on every interface set. */
    private static String reachableHost(String host) {
        switch (host) {
            case "0.0.0.0":
                return "127.0.0.1";
            case "::":
            case "[::]":
                return "[::1]";
            default:
                return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
    }

    /** Read once at startup, so a packaging mistake fails the start instead of the first request. */
    private static byte[] openApiDocument() {
        try (InputStream in = HttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }
}
