package domain.user;

import java.util.Objects;

/**
 * Something wrong with one optional field of a kept user: the value was read leniently (e.g. a whole
 * number where text belongs, kept as its digits) or could not be read and is stored as null. It
 * travels with the user to {@code users_created} and Cassandra as {@link #text()}, so whoever reads
 * the row sees why a value is missing or differs from what the source sent.
 *
 * @param field  the source path, e.g. {@code location.postcode}
 * @param what   what was wrong and what was stored, e.g. {@code is not a whole number: 12.5; stored as null};
 *               quoted values are cut and control characters escaped by the mapping
 * @param nulled true when the field is stored as null, false when a lenient reading of it is stored
 */
public record FieldProblem(String field, String what, boolean nulled) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(what, "what");
        int room = ProfileLimits.MAX_FIELD_PROBLEM_LENGTH - field.length() - 2;
        if (room < 3) {
            throw new IllegalArgumentException("field name too long for a field problem: " + field.length() + " chars");
        }
        if (what.length() > room) {
            int end = room - 3;
            if (Character.isHighSurrogate(what.charAt(end - 1))) {
                end--; // never half a character
            }
            what = what.substring(0, end) + "...";
        }
    }

    /** One line, at most {@link ProfileLimits#MAX_FIELD_PROBLEM_LENGTH} characters: "{field}: {what}". */
    public String text() {
        return field + ": " + what;
    }
}
