package domain.run;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client may ask of the pipeline: the one home of every request limit. The HTTP adapter, the
 * commands and queries of the application and the run's decisions each check a request at their own
 * level (JSON shape, command, domain rule), and all of them refer here for the numbers and sets;
 * openapi.json and docs/contracts.md repeat them for readers, and their tests compare.
 */
public final class RequestLimits {

    /** Users one run may ask for. */
    public static final int MAX_COUNT = 1_000_000;

    /** Users per RandomUser page: the API's own limit (it answers 1 user for more). */
    public static final int MAX_PAGE_SIZE = 5000;

    /** RandomUser 1.4's nationalities. The API ignores the whole filter for an unknown code, so we reject it. */
    public static final Set<String> NATIONALITIES = Set.of(
            "AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IN", "IR", "MX", "NL", "NO", "NZ", "RS",
            "TR", "UA", "US");

    /** RandomUser's gender filter; no gender means any. */
    public static final List<String> GENDERS = List.of("female", "male");

    /** {@link #GENDERS} in words, for error messages. */
    public static final String GENDER_RULE = "\"female\" or \"male\"";

    /** A client's seed; the generated ones (16 hex digits) fit it too. */
    public static final Pattern SEED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** {@link #SEED} in words, for error messages. */
    public static final String SEED_RULE = "1-64 letters, digits, '-' or '_'";

    /** Characters of an Idempotency-Key (Airflow sends its run id). */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    /** Runs one listing returns at most. */
    public static final int MAX_RUNS_LISTED = 200;

    /** Users one page of a run's user listing holds at most. */
    public static final int MAX_USERS_PAGE_SIZE = 1000;

    private RequestLimits() {}
}
