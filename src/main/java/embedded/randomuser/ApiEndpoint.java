package embedded.randomuser;

import static embedded.randomuser.HttpResponses.JSON_TYPE;
import static embedded.randomuser.HttpResponses.send;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /api/...}: answers with a page of users, or with the fault the request asked for
 * ({@code fault=}) or the {@link FaultPlan} chose for it, counting everything in the {@link Stats}.
 */
final class ApiEndpoint {

    private static final byte[] GARBAGE = ("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                    + "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Nationalities nationalities;
    private final PageWriter pages;
    private final FaultPlan faults;
    private final Stats stats;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;

    /** Slow answers wait on {@code delays}, then are sent by {@code workers}, so no worker sleeps. */
    ApiEndpoint(
            Nationalities nationalities,
            PageWriter pages,
            FaultPlan faults,
            Stats stats,
            ExecutorService workers,
            ScheduledExecutorService delays) {
        this.nationalities = nationalities;
        this.pages = pages;
        this.faults = faults;
        this.stats = stats;
        this.workers = workers;
        this.delays = delays;
    }

    void handle(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod())) {
            HttpResponses.notAllowed(ex, "GET");
            return;
        }
        Map<String, String> q = ApiRequest.parseQuery(ex.getRequestURI().getRawQuery());
        Fault fault;
        String faultParam = q.get("fault");
        if (faultParam != null) {
            try {
                fault = Fault.parse(faultParam);
            } catch (IllegalArgumentException e) {
                HttpResponses.sendError(ex, 400, e.getMessage());
                return;
            }
        } else {
            fault = faults.next();
        }
        stats.recordRequest();
        ApiRequest request = ApiRequest.from(q, nationalities);
        if (fault == null) {
            sendUsers(ex, request);
            return;
        }
        stats.recordFault(fault);
        switch (fault.kind()) {
            case STATUS -> {
                if (fault.retryAfterSeconds() >= 0) {
                    ex.getResponseHeaders().set("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                byte[] body = HttpResponses.errorBody(HttpResponses.reason(fault.status()));
                stats.recordBytes(body.length);
                send(ex, fault.status(), JSON_TYPE, body, -1);
            }
            case SLOW ->
                delays.schedule(
                        () -> workers.execute(() -> {
                            try {
                                sendUsers(ex, request);
                            } catch (IOException | RuntimeException e) {
                                ex.close(); // e.g. the client timed out and closed the connection
                            }
                        }),
                        fault.delay().toNanos(),
                        TimeUnit.NANOSECONDS);
            case GARBAGE -> {
                stats.recordBytes(GARBAGE.length);
                send(ex, 200, JSON_TYPE, GARBAGE, -1);
            }
            case TRUNCATED -> {
                ByteSink body = pages.render(request);
                int cut = body.len / 2;
                stats.recordBytes(cut);
                send(ex, 200, JSON_TYPE, body.buf, cut);
            }
            case ERROR_BODY -> {
                byte[] body = HttpResponses.errorBody(fault.message());
                stats.recordBytes(body.length);
                send(ex, 200, JSON_TYPE, body, -1);
            }
            case DISCONNECT -> ex.close(); // no headers sent: the server closes the connection
        }
    }

    private void sendUsers(HttpExchange ex, ApiRequest request) throws IOException {
        ByteSink body = pages.render(request);
        stats.recordUsers(request.results, body.len);
        send(ex, 200, JSON_TYPE, body.buf, body.len);
    }
}
