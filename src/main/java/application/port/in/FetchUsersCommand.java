package application.port.in;

import java.util.List;

import domain.run.RequestLimits;

/**
 * Ask for {@code count} users. Validates itself: a command that exists is well-formed. The limits are
 * {@link RequestLimits}; the domain checks the rest of them (known nationality codes, page sizes) when the
 * run is requested.
 *
 * @param nationalities RandomUser codes such as "GB"; empty for any
 * @param gender        "female", "male" or null for any
 * @param seed          null to let the run generate one (recorded, so the run stays reproducible)
 * @param idempotencyKey null, or the client's key: the same key always returns the same run
 */
public record FetchUsersCommand(
        int count, List<String> nationalities, String gender, String seed, String idempotencyKey) {

    public FetchUsersCommand {
        if (count < 1 || count > RequestLimits.MAX_COUNT) {
            throw new InvalidCommandException(
                    "count", "must be between 1 and " + RequestLimits.MAX_COUNT + ", was " + count);
        }
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        if (gender != null && gender.isBlank()) {
            gender = null;
        }
        if (gender != null && !RequestLimits.GENDERS.contains(gender)) {
            throw new InvalidCommandException(
                    "gender", "must be " + RequestLimits.GENDER_RULE + ", was \"" + gender + "\"");
        }
        if (seed != null && !RequestLimits.SEED.matcher(seed).matches()) {
            throw new InvalidCommandException("seed", "must be " + RequestLimits.SEED_RULE);
        }
        if (idempotencyKey != null
                && (idempotencyKey.isBlank() || idempotencyKey.length() > RequestLimits.MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new InvalidCommandException(
                    "Idempotency-Key", "must be 1-" + RequestLimits.MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        }
    }
}
