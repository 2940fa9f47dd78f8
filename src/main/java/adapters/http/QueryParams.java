package adapters.http;

import io.javalin.http.Context;

/** Query parameters the routes share the rules of. */
final class QueryParams {

    private QueryParams() {}

    /**
     * An optional integer in 1..max: absent gives {@code defaultValue}; present and anything else (empty,
     * not a number, out of range) is refused with the rule, naming the parameter. Out of range is
     * refused rather than clamped: a client asking for more should learn what it gets at most.
     */
    static int optionalIntUpTo(Context ctx, String name, int max, int defaultValue) {
        if (ctx.queryParam(name) == null) {
            // not Validator.getOrDefault: that would also default "?name=", which is refused
            return defaultValue;
        }
        String rule = name + " must be an integer between 1 and " + max;
        return ctx.queryParamAsClass(name, Integer.class)
                .check(value -> value >= 1 && value <= max, rule)
                .getOrThrow(errors -> HttpProblem.badRequest(name, rule));
    }
}
