package adapters.http;

import io.javalin.http.Context;

/** Query parameters the routes share the rules of. */
final class QueryParams {

    private QueryParams() {}

    /**
     * The parameter's one value, or null when absent. Given twice it is refused: a proxy and the
     * server could each read a different one, and the client meant one of them.
     */
    static String optional(Context ctx, String name) {
        if (ctx.queryParams(name).size() > 1) {
            throw HttpProblem.badRequest(name, name + " must be given at most once");
        }
        return ctx.queryParam(name);
    }

    /**
     * An optional integer in 1..max: absent gives {@code defaultValue}; present and anything else (empty,
     * not a number, out of range) is refused with the rule, naming the parameter. Out of range is
     * refused rather than clamped: a client asking for more should learn what it gets at most.
     */
    static int optionalIntUpTo(Context ctx, String name, int max, int defaultValue) {
        if (optional(ctx, name) == null) {
            // not Validator.getOrDefault: that would also default "?name=", which is refused
            return defaultValue;
        }
        String rule = name + " must be an integer between 1 and " + max;
        return ctx.queryParamAsClass(name, Integer.class)
                .check(value -> value >= 1 && value <= max, rule)
                .getOrThrow(errors -> HttpProblem.badRequest(name, rule));
    }
}
