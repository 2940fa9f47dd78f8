package domain.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

import domain.event.PageFetchFailed;
import domain.event.PageStored;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UsersPersisted;

/**
 * A run's decisions: command + state -> events. Each returns the events to append (empty when there
 * is nothing to do) or throws {@link RunRuleViolation} for a command the run cannot accept. Applying
 * the returned events with {@link IngestionRun#apply} gives the intended state.
 */
public final class RunDecisions {

    public static final int MAX_COUNT = 1_000_000;
    public static final int MAX_PAGE_SIZE = 5000;
    /** RandomUser 1.4's nationalities. The API ignores the whole filter for an unknown code, so we reject it. */
    public static final Set<String> NATIONALITIES = Set.of("AU", "BR", "CA", "CH", "DE", "DK", "ES", "FI", "FR",
            "GB", "IE", "IN", "IR", "MX", "NL", "NO", "NZ", "RS", "TR", "UA", "US");
    private static final List<String> NATIONALITIES_SORTED = NATIONALITIES.stream().sorted().toList();

    private RunDecisions() {
    }

    /**
     * A new run. Nationalities are stripped, upper-cased and de-duplicated (order kept); null means any.
     * Gender is "female", "male" (any case) or null/blank for any.
     */
    public static List<RunEvent> request(RunId id, int count, int pageSize, String seed, List<String> nationalities,
                                         String gender, String idempotencyKey, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        if (count < 1 || count > MAX_COUNT) {
            throw new RunRuleViolation("count must be between 1 and " + MAX_COUNT + ", was " + count);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new RunRuleViolation("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (seed == null || seed.isBlank()) {
            throw new RunRuleViolation("seed must not be blank (generate one with RunDecisions.newSeed)");
        }
        return List.of(new RunRequested(id, count, pageSize, seed, nationalities(nationalities), gender(gender),
                idempotencyKey, now));
    }

    /** A seed like RandomUser's own: 16 lowercase hex digits. */
    public static String newSeed(RandomGenerator random) {
        return HexFormat.of().toHexDigits(random.nextLong());
    }

    /**
     * A page's users are in the event store: [PageStored], plus [RunFetched] when it was the last
     * missing page, plus [RunCompleted] when the sidecar has by then persisted every accepted user
     * (at once when the run accepted none). Nothing when the page was already stored (re-fetched
     * after a crash).
     *
     * @param accepted valid users of the page (UserFetched)
     * @param rejected invalid profiles of the page (UserRejected); accepted + rejected may be below
     *                 {@link IngestionRun#resultsOnPage} if the source sent fewer, never above
     */
    public static List<RunEvent> pageStored(IngestionRun run, int page, int accepted, int rejected, Instant now) {
        Objects.requireNonNull(now, "now");
        requireActive(run, "store page " + page);
        requirePage(run, page);
        if (accepted < 0 || rejected < 0) {
            throw new RunRuleViolation("page " + page + ": accepted and rejected must be >= 0, were "
                    + accepted + " and " + rejected);
        }
        if (accepted + rejected > run.resultsOnPage(page)) {
            throw new RunRuleViolation("page " + page + " has " + run.resultsOnPage(page) + " users, but "
                    + accepted + " accepted + " + rejected + " rejected were reported");
        }
        if (run.isStored(page)) {
            return List.of();
        }
        List<RunEvent> events = new ArrayList<>();
        events.add(new PageStored(run.runId(), page, accepted, rejected));
        if (run.pagesToFetch().equals(List.of(page))) {
            int fetched = run.fetched() + accepted;
            events.add(new RunFetched(run.runId(), fetched, run.rejected() + rejected, now));
            if (run.persisted() >= fetched) {
                events.add(new RunCompleted(run.runId(), run.persisted(), now));
            }
        }
        return List.copyOf(events);
    }

    /**
     * An attempt at a page failed: [PageFetchFailed] with the page's next attempt number, plus
     * [RunFailed] when that attempt reaches {@code maxAttempts}. Nothing when the page is already
     * stored (a late failure of a duplicate fetch).
     *
     * @param error the adapter's message, e.g. "page 3: source unavailable after 6 attempts: HTTP 503"
     */
    public static List<RunEvent> pageFailed(IngestionRun run, int page, String error, int maxAttempts, Instant now) {
        Objects.requireNonNull(now, "now");
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("a page failure needs an error message");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        requireActive(run, "record a failure of page " + page);
        requirePage(run, page);
        if (run.isStored(page)) {
            return List.of();
        }
        int attempt = run.attemptsFor(page) + 1;
        PageFetchFailed failed = new PageFetchFailed(run.runId(), page, attempt, error, now);
        if (attempt < maxAttempts) {
            return List.of(failed);
        }
        String reason = "page " + page + " failed " + attempt + (attempt == 1 ? " time" : " times") + ", last: " + error;
        return List.of(failed, new RunFailed(run.runId(), reason, now));
    }

    /**
     * The sidecar persisted {@code newlyPersisted} more users of the run (distinct ids, counted by the
     * caller from UserPersisted). [RunCompleted] when the run is FETCHED and the persisted total
     * ({@code run.persisted() + newlyPersisted}) reaches the fetched count; otherwise nothing.
     * Usually reached through {@link #usersPersisted}, whose {@code UsersPersisted} event carries the
     * count into the state; a caller using this alone sets the total with
     * {@link IngestionRun#withPersisted(int)} before applying the returned events. Reports for a finished run or
     * for a run still fetching return nothing: {@link #pageStored} completes a run whose users were
     * all persisted before its last page was stored.
     */
    public static List<RunEvent> persisted(IngestionRun run, int newlyPersisted, Instant now) {
        Objects.requireNonNull(now, "now");
        if (newlyPersisted < 0) {
            throw new IllegalArgumentException("newlyPersisted must be >= 0, was " + newlyPersisted);
        }
        int total = run.persisted() + newlyPersisted;
        if (run.status() == RunStatus.FETCHED && total >= run.fetched()) {
            return List.of(new RunCompleted(run.runId(), total, now));
        }
        return List.of();
    }

    /**
     * The sidecar persisted {@code newlyPersisted} users of the run not reported before (the caller
     * de-duplicates ids): [UsersPersisted], plus [RunCompleted] when {@link #persisted} says the run is
     * done. Nothing when no id is new (a replayed batch).
     */
    public static List<RunEvent> usersPersisted(IngestionRun run, String batchId, int newlyPersisted,
                                                Instant persistedAt, Instant now) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(persistedAt, "persistedAt");
        if (newlyPersisted < 0) {
            throw new IllegalArgumentException("newlyPersisted must be >= 0, was " + newlyPersisted);
        }
        if (newlyPersisted == 0) {
            return List.of();
        }
        List<RunEvent> events = new ArrayList<>();
        events.add(new UsersPersisted(run.runId(), batchId, newlyPersisted, persistedAt));
        events.addAll(persisted(run, newlyPersisted, now));
        return List.copyOf(events);
    }

    private static List<String> nationalities(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : requested) {
            String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (NATIONALITIES.contains(normalized)) {
                codes.add(normalized);
            } else {
                unknown.add("'" + code + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new RunRuleViolation("unknown nationality " + String.join(", ", unknown)
                    + "; known: " + String.join(", ", NATIONALITIES_SORTED));
        }
        return List.copyOf(codes);
    }

    private static String gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return null;
        }
        String normalized = gender.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("female") && !normalized.equals("male")) {
            throw new RunRuleViolation("gender must be 'female', 'male' or absent, was '" + gender + "'");
        }
        return normalized;
    }

    private static void requireActive(IngestionRun run, String what) {
        Objects.requireNonNull(run, "run");
        if (run.isFinished()) {
            throw new RunRuleViolation("cannot " + what + ": run " + run.runId() + " is " + run.status());
        }
    }

    private static void requirePage(IngestionRun run, int page) {
        if (!run.hasPage(page)) {
            throw new RunRuleViolation("page " + page + " is out of range: run " + run.runId()
                    + " has pages 1.." + run.pageCount());
        }
    }
}
