package adapters.http;

import java.util.Map;
import java.util.TreeMap;

import application.port.in.CheckHealthQuery;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Routes for operators and tooling: liveness, readiness, metrics and the API's own description. */
final class OperationsHandlers {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    record Health(String status) {}

    record Readiness(String status, Map<String, String> dependencies) {}

    private final CheckHealthQuery health;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApiDocument;

    OperationsHandlers(CheckHealthQuery health, PrometheusMeterRegistry registry, byte[] openApiDocument) {
        this.health = health;
        this.registry = registry;
        this.openApiDocument = openApiDocument.clone();
    }

    /** Answers without touching any dependency: a broker outage must not get the process restarted. */
    void health(Context ctx) {
        ctx.json(new Health("UP"));
    }

    void ready(Context ctx) {
        // One probe per request: the status code and the body describe the same snapshot.
        Map<String, String> dependencies = new TreeMap<>(health.dependencies());
        boolean ready = dependencies.values().stream().allMatch(ReadinessReasons.OK::equals);
        dependencies.replaceAll(ReadinessReasons::forClient);
        ctx.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(new Readiness(ready ? "READY" : "NOT_READY", dependencies));
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    void openApi(Context ctx) {
        ctx.contentType(ContentType.APPLICATION_JSON).result(openApiDocument);
    }
}
