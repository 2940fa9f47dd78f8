package adapters.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records every request as {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds_*}),
 * tagged like Micrometer's own web instrumentation so existing dashboards work.
 */
final class HttpMetrics {

    static final String METRIC = "http.server.requests";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin's request logger: called once per request, after the response is complete, errors included. */
    void record(Context ctx, Float executionTimeMs) {
        int status = ctx.statusCode();
        Timer.builder(METRIC)
                .description("HTTP requests by route template and status")
                .tag("method", ctx.method().name())
                .tag("uri", routeTemplate(ctx, status))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record((long) (executionTimeMs * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** The template, never the raw path: one series per route, not one per run id or per scanner probe. */
    private static String routeTemplate(Context ctx, int status) {
        if (ctx.handlerType().isHttpMethod()) {
            return ctx.endpointHandlerPath();
        }
        return status == 404 ? "NOT_FOUND" : "UNKNOWN";
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
    }
}
