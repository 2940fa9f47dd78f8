package embedded.randomuser;

import java.io.IOException;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Routes every request of the loopback server: the API paths to {@link ApiEndpoint}, {@code /_control/}
 * to {@link ControlEndpoint}, anything else to a 404. A failure inside an endpoint becomes a 500 with
 * the exception in the error message; a client that went away just has its exchange closed.
 */
final class RequestRouter implements HttpHandler {

    private static final Set<String> API_PATHS =
            Set.of("/api", "/api/", "/api/1.3", "/api/1.3/", "/api/1.4", "/api/1.4/");

    private final ApiEndpoint api;
    private final ControlEndpoint control;

    RequestRouter(ApiEndpoint api, ControlEndpoint control) {
        this.api = api;
        this.control = control;
    }

    @Override
    public void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (API_PATHS.contains(path)) {
                api.handle(ex);
            } else if (path.startsWith("/_control/")) {
                control.handle(ex, path);
            } else {
                HttpResponses.sendError(ex, 404, "Not found: " + path);
            }
        } catch (IOException e) {
            ex.close(); // the client went away
        } catch (RuntimeException e) {
            try {
                HttpResponses.sendError(ex, 500, "internal error: " + e);
            } catch (IOException | RuntimeException ignored) {
                ex.close();
            }
        }
    }
}
