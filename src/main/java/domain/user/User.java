package domain.user;

import java.time.Instant;
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
        String nationality) {

    public User {
        Objects.requireNonNull(id, "id");
    }
}
