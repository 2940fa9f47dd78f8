package adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import application.port.in.CheckHealthQuery;
import application.port.in.RequestUserFetchUseCase;
import application.port.in.ViewRunsQuery;
import application.port.in.ViewUsersQuery;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

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
    public static HttpApi start(HttpSettings settings, RequestUserFetchUseCase fetchUsers, ViewRunsQuery runs,
                                ViewUsersQuery users, CheckHealthQuery health, PrometheusMeterRegistry registry) {
        Javalin app = create(settings, fetchUsers, runs, users, health, registry);
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("HTTP API cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage(), e);
        }
        HttpApi api = new HttpApi(app, settings);
        log.info("HTTP API listening on {} (bearer auth {})", api.baseUri(),
                settings.authenticationEnabled() ? "on for /api/commands/*" : "off");
        return api;
    }

    /** The configured application, not started: tests run it with JavalinTest on a free port. */
    static Javalin create(HttpSettings settings, RequestUserFetchUseCase fetchUsers, ViewRunsQuery runs,
                          ViewUsersQuery users, CheckHealthQuery health, PrometheusMeterRegistry registry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(fetchUsers, "fetchUsers");
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(registry, "registry");

        ObjectMapper mapper = JsonBodies.mapper();
        CommandHandlers commands = new CommandHandlers(fetchUsers, new JsonBodies(mapper, settings.maxRequestBodyBytes()));
        RunHandlers runViews = new RunHandlers(runs);
        UserHandlers userViews = new UserHandlers(users);
        OperationsHandlers operations = new OperationsHandlers(health, registry, openApiDocument());
        ErrorResponses errors = new ErrorResponses();
        HttpMetrics metrics = new HttpMetrics(registry);
        BearerAuth auth = settings.authenticationEnabled() ? new BearerAuth(settings.bearerToken()) : null;

        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            // A client that got the method wrong should hear that, not that the path does not exist.
            config.http.prefer405over404 = true;
            // JsonBodies enforces the limit; this keeps Javalin's own ctx.body() limit in step should anyone use it.
            config.http.maxRequestSize = settings.maxRequestBodyBytes();
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.requestLogger.http(metrics::record);
            config.router.mount(router -> {
                if (auth != null) {
                    // beforeMatched, not before: it runs once a route matched, so metrics still see the route template.
                    router.beforeMatched("/api/commands/*", auth::requireToken);
                }
                router.post("/api/commands/fetch-users", commands::fetchUsers);
                router.get("/api/runs", runViews::list);
                router.get("/api/runs/{runId}", runViews::show);
                router.get("/api/runs/{runId}/users", userViews::listOfRun);
                router.get("/api/users/{id}", userViews::show);
                router.get("/health", operations::health);
                router.get("/ready", operations::ready);
                router.get("/metrics", operations::metrics);
                router.get("/openapi.json", operations::openApi);
                // Javalin sends its own HttpResponseExceptions (404, 405) past a handler for Exception, hence both.
                router.exception(HttpResponseException.class, errors::handle);
                router.exception(Exception.class, errors::handle);
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
