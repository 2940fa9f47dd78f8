package adapters.http;

import java.util.Map;
import java.util.UUID;

import application.port.in.IdempotencyConflictException;
import application.port.in.InvalidCommandException;
import application.port.in.RunConflictException;
import application.port.in.TooManyRunsException;
import domain.run.RunRuleViolation;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed request becomes a response: {@link HttpApi} registers one handler per
 * exception type, and Javalin picks the most specific. Clients get a JSON {@link ErrorBody} and never
 * an exception's class, stack or internal message; a 5xx is logged here, once, with its stack trace
 * and an id the client can quote. A 4xx is the client's business and is not logged.
 */
final class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** Javalin's own 404 and 405, and every {@link HttpProblem} the handlers throw. */
    void httpResponse(HttpResponseException exception, Context ctx) {
        if (exception instanceof EndpointNotFound) {
            respond(ctx, HttpStatus.NOT_FOUND, ErrorBody.of("no route " + ctx.method() + " " + Excerpt.of(ctx.path())));
        } else if (exception instanceof MethodNotAllowedResponse notAllowed) {
            String allowed = allowedMethods(notAllowed.getDetails());
            if (allowed != null) {
                ctx.header(Header.ALLOW, allowed);
            }
            respond(
                    ctx,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    ErrorBody.of("method " + ctx.method() + " is not allowed on " + Excerpt.of(ctx.path())
                            + (allowed == null ? "" : "; allowed: " + allowed)));
        } else if (exception.getStatus() >= 400 && exception.getStatus() < 500) {
            if (exception.getStatus() == HttpStatus.UNAUTHORIZED.getCode()) {
                ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            }
            respond(ctx, exception.getStatus(), new ErrorBody(exception.getMessage(), HttpProblem.field(exception)));
        } else {
            unexpected(exception, ctx);
        }
    }

    void invalidCommand(InvalidCommandException invalid, Context ctx) {
        respond(ctx, HttpStatus.BAD_REQUEST, new ErrorBody(invalid.getMessage(), invalid.field()));
    }

    /** Its message is written for the client (see RunRuleViolation). */
    void ruleViolation(RunRuleViolation violation, Context ctx) {
        respond(ctx, HttpStatus.BAD_REQUEST, ErrorBody.of(violation.getMessage()));
    }

    /** The run's state does not allow the command now; its message says when to ask again. */
    void conflict(RunConflictException conflict, Context ctx) {
        respond(ctx, HttpStatus.CONFLICT, ErrorBody.of(conflict.getMessage()));
    }

    /** The instance runs as many runs as it may: 429, and when to ask again. */
    void tooManyRuns(TooManyRunsException refused, Context ctx) {
        ctx.header(Header.RETRY_AFTER, Long.toString(refused.retryAfter().toSeconds()));
        respond(ctx, HttpStatus.TOO_MANY_REQUESTS, ErrorBody.of(refused.getMessage()));
    }

    /** The key names a run asked for with other parameters; the message names them. */
    void idempotencyConflict(IdempotencyConflictException conflict, Context ctx) {
        respond(
                ctx,
                HttpStatus.UNPROCESSABLE_CONTENT,
                new ErrorBody(conflict.getMessage(), CommandHandlers.IDEMPOTENCY_KEY));
    }

    void unexpected(Exception exception, Context ctx) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} {} failed (id {})", ctx.method(), ctx.path(), id, exception);
        respond(
                ctx,
                HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorBody.of("internal error, see the server log (id " + id + ")"));
    }

    /** Javalin names the key after the response format it guesses from the Accept header. */
    private static String allowedMethods(Map<String, String> details) {
        String allowed = details.get("availableMethods");
        return allowed != null ? allowed : details.get("Available methods");
    }

    private static void respond(Context ctx, HttpStatus status, ErrorBody body) {
        respond(ctx, status.getCode(), body);
    }

    /** Every message passes {@link Excerpt#message}: whichever layer wrote it, it may quote the caller. */
    private static void respond(Context ctx, int status, ErrorBody body) {
        ctx.status(status).json(new ErrorBody(Excerpt.message(body.error()), Excerpt.of(body.field())));
    }
}
