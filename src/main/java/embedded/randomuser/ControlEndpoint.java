package embedded.randomuser;

import static embedded.randomuser.HttpResponses.sendJson;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code /_control/faults} (GET shows the plan, POST appends a spec in the {@link Fault} text syntax,
 * DELETE clears it) and {@code /_control/stats} (GET shows, DELETE resets). Every answer is the resulting
 * state as JSON.
 */
final class ControlEndpoint {

    private final FaultPlan faults;
    private final Stats stats;

    ControlEndpoint(FaultPlan faults, Stats stats) {
        this.faults = faults;
        this.stats = stats;
    }

    void handle(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        switch (path) {
            case "/_control/faults" -> {
                switch (method) {
                    case "GET" -> sendJson(ex, 200, faults.toJson());
                    case "POST" -> {
                        String spec = HttpResponses.readBody(ex);
                        try {
                            faults.enqueue(spec);
                        } catch (IllegalArgumentException e) {
                            HttpResponses.sendError(ex, 400, e.getMessage());
                            return;
                        }
                        sendJson(ex, 200, faults.toJson());
                    }
                    case "DELETE" -> {
                        faults.clear();
                        sendJson(ex, 200, faults.toJson());
                    }
                    default -> HttpResponses.notAllowed(ex, "GET, POST, DELETE");
                }
            }
            case "/_control/stats" -> {
                switch (method) {
                    case "GET" -> sendJson(ex, 200, stats.toJson());
                    case "DELETE" -> {
                        stats.reset();
                        sendJson(ex, 200, stats.toJson());
                    }
                    default -> HttpResponses.notAllowed(ex, "GET, DELETE");
                }
            }
            default -> HttpResponses.sendError(ex, 404, "Not found: " + path);
        }
    }
}
