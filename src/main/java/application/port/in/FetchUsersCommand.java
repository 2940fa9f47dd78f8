package application.port.in;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ask for {@code count} users. Validates itself: a command that exists is well-formed.
 * Domain rules (known nationality codes, page sizes) are checked when the run is requested.
 *
 * @param nationalities RandomUser codes such as "GB"; empty for any
 * @param gender        "female", "male" or null for any
 * @param seed          null to let the run generate one (recorded, so the run stays reproducible)
 * @param idempotencyKey null, or the client's key: the same key always returns the same run
 */
public record FetchUsersCommand(int count, List<String> nationalities, String gender, String seed,
                                String idempotencyKey) {

    public static final int MAX_COUNT = 1_000_000;
    private static final Pattern SEED = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_KEY_LENGTH = 200;

    public FetchUsersCommand {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidCommandException("count", "must be between 1 and " + MAX_COUNT + ", was " + count);
        }
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        if (gender != null && gender.isBlank()) {
            gender = null;
        }
        if (gender != null && !gender.equals("female") && !gender.equals("male")) {
            throw new InvalidCommandException("gender", "must be \"female\" or \"male\", was \"" + gender + "\"");
        }
        if (seed != null && !SEED.matcher(seed).matches()) {
            throw new InvalidCommandException("seed", "must be 1-64 letters, digits, '-' or '_'");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            throw new InvalidCommandException("Idempotency-Key", "must be 1-" + MAX_KEY_LENGTH + " characters");
        }
    }
}
