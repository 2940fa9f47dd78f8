package adapters.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import application.port.in.FetchUsersCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.run.RequestLimits;

/**
 * The body of {@code POST /api/commands/fetch-users}. Only its JSON shape is checked here (types,
 * known fields); value rules belong to {@link FetchUsersCommand} and the domain.
 *
 * <p>Read from a tree rather than bound by Jackson so each wrong shape gets a message naming the field,
 * and no lenient coercion ("5" or 5.7 as a count) slips through.
 */
record FetchUsersRequest(int count, List<String> nationalities, String gender, String seed) {

    static final String COUNT = "count";
    static final String NATIONALITIES = "nationalities";
    static final String GENDER = "gender";
    static final String SEED = "seed";
    private static final Set<String> FIELDS = Set.of(COUNT, NATIONALITIES, GENDER, SEED);
    private static final String ALLOWED = String.join(", ", COUNT, NATIONALITIES, GENDER, SEED);

    static FetchUsersRequest from(ObjectNode body) {
        rejectUnknownFields(body);
        return new FetchUsersRequest(
                count(body.get(COUNT)),
                nationalities(body.get(NATIONALITIES)),
                optionalString(GENDER, body.get(GENDER), RequestLimits.GENDER_RULE),
                optionalString(SEED, body.get(SEED), RequestLimits.SEED_RULE));
    }

    FetchUsersCommand toCommand(String idempotencyKey) {
        return new FetchUsersCommand(count, nationalities, gender, seed, idempotencyKey);
    }

    private static void rejectUnknownFields(ObjectNode body) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String quoted = unknown.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
            throw HttpProblem.badRequest(
                    unknown.get(0),
                    (unknown.size() == 1 ? "unknown field " : "unknown fields ") + quoted + "; allowed: " + ALLOWED);
        }
    }

    private static int count(JsonNode node) {
        if (node == null || node.isNull()) {
            throw HttpProblem.badRequest(COUNT, "count is required");
        }
        if (!node.isIntegralNumber()) {
            throw HttpProblem.badRequest(COUNT, "count must be an integer");
        }
        if (!node.canConvertToInt()) {
            throw HttpProblem.badRequest(COUNT, "count must be between 1 and " + RequestLimits.MAX_COUNT);
        }
        return node.intValue();
    }

    private static List<String> nationalities(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        String rule = "nationalities must be an array of strings such as [\"GB\", \"FR\"]";
        if (!node.isArray()) {
            throw HttpProblem.badRequest(NATIONALITIES, rule);
        }
        List<String> codes = new ArrayList<>(node.size());
        for (JsonNode code : node) {
            if (!code.isTextual()) {
                throw HttpProblem.badRequest(NATIONALITIES, rule);
            }
            codes.add(code.textValue());
        }
        return codes;
    }

    private static String optionalString(String field, JsonNode node, String expected) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw HttpProblem.badRequest(field, field + " must be a string: " + expected);
        }
        return node.textValue();
    }
}
