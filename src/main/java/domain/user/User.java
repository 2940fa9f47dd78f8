package domain.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fetched RandomUser profile, reduced to the columns the pipeline stores. Only the id is
 * mandatory: {@code inc=} subsets and older API versions (1.0 has no gender, nat or country) leave
 * the others out, and a missing value is {@code null} rather than an invented default so that
 * consumers can tell "not sent" from "empty".
 *
 * @param address  {@code "{street.number} {street.name}, {city}, {state}, {country}"} as the seed
 *                 pipeline wrote it, missing parts left out
 * @param postCode always text: RandomUser sends numbers for some nationalities, strings for others
 * @param picture  the {@code picture.medium} URL
 * @param nationality the {@code nat} code, e.g. "GB"
 * @param fieldProblems what was wrong with the profile's optional fields (a value read leniently or
 *                 stored as null), in the order the mapping read them; empty for a clean profile, never
 *                 null, at most {@link ProfileLimits#MAX_FIELD_PROBLEMS}
 */
public record User(
        UserId id,
        String firstName,
        String lastName,
        String gender,
        String address,
        String postCode,
        String email,
        String username,
        Instant dob,
        Instant registeredDate,
        String phone,
        String picture,
        String nationality,
        List<FieldProblem> fieldProblems) {

    public User {
        Objects.requireNonNull(id, "id");
        // null: a user stored before field problems were recorded
        fieldProblems = fieldProblems == null ? List.of() : List.copyOf(fieldProblems);
        if (fieldProblems.size() > ProfileLimits.MAX_FIELD_PROBLEMS) {
            throw new IllegalArgumentException("at most " + ProfileLimits.MAX_FIELD_PROBLEMS
                    + " field problems per user, got " + fieldProblems.size());
        }
    }

    /** A user whose every field was read as sent: no field problems. */
    public User(
            UserId id,
            String firstName,
            String lastName,
            String gender,
            String address,
            String postCode,
            String email,
            String username,
            Instant dob,
            Instant registeredDate,
            String phone,
            String picture,
            String nationality) {
        this(
                id,
                firstName,
                lastName,
                gender,
                address,
                postCode,
                email,
                username,
                dob,
                registeredDate,
                phone,
                picture,
                nationality,
                List.of());
    }

    /** True when at least one field is stored as null because its value could not be read. */
    public boolean hasNulledFields() {
        return fieldProblems.stream().anyMatch(FieldProblem::nulled);
    }
}
