package adapters.http;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import application.port.in.InvalidCommandException;
import domain.run.RunRuleViolation;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;

/**
 * The one place where a failed request becomes a response. Clients get a JSON {@link ErrorBody} and
 * never an exception's class, stack or internal message; a 5xx is logged here, once, with its stack
 * trace and an id the client can quote. A 4xx is the client's business and is not logged.
 */
final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    void handle(Exception exception, Context ctx) {
        if (exception instanceof HttpProblem problem) {
            if (problem.status() == 401) {
                ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            }
            respond(ctx, problem.status(), new ErrorBody(problem.getMessage(), problem.field()));
        } else if (exception instanceof InvalidCommandException invalid) {
            respond(ctx, 400, new ErrorBody(invalid.getMessage(), invalid.field()));
        } else if (exception instanceof RunRuleViolation violation) {
            // Its message is written for the client (see RunRuleViolation).
            respond(ctx, 400, ErrorBody.of(violation.getMessage()));
        } else if (exception instanceof EndpointNotFound) {
            respond(ctx, 404, ErrorBody.of("no route " + ctx.method() + " " + ctx.path()));
        } else if (exception instanceof MethodNotAllowedResponse notAllowed) {
            String allowed = allowedMethods(notAllowed.getDetails());
            if (allowed != null) {
                ctx.header(Header.ALLOW, allowed);
            }
            respond(ctx, 405, ErrorBody.of("method " + ctx.method() + " is not allowed on " + ctx.path()
                    + (allowed == null ? "" : "; allowed: " + allowed)));
        } else if (exception instanceof HttpResponseException http && http.getStatus() >= 400 && http.getStatus() < 500) {
            respond(ctx, http.getStatus(), ErrorBody.of(http.getMessage()));
        } else {
            String id = UUID.randomUUID().toString().substring(0, 8);
            log.error("{} {} failed (id {})", ctx.method(), ctx.path(), id, exception);
            respond(ctx, 500, ErrorBody.of("internal error, see the server log (id " + id + ")"));
        }
    }

    /** Javalin names the key after the response format it guesses from the Accept header. */
    private static String allowedMethods(Map<String, String> details) {
        String allowed = details.get("availableMethods");
        return allowed != null ? allowed : details.get("Available methods");
    }

    private static void respond(Context ctx, int status, ErrorBody body) {
        ctx.status(status).json(body);
    }
}
