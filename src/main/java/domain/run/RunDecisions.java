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
import domain.event.ReplayPersisted;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UsersParked;
import domain.event.UsersPersisted;

/**
 * A run's decisions: command + state -> events. Each returns the events to append (empty when there
 * is nothing to do) or throws {@link RunRuleViolation} for a command the run cannot accept. Applying
 * the returned events with {@link IngestionRun#apply} gives the intended state.
 */
public final class RunDecisions {

    private static final List<String> NATIONALITIES_SORTED =
            RequestLimits.NATIONALITIES.stream().sorted().toList();

    private RunDecisions() {}

    /**
     * A new run. Nationalities are stripped, upper-cased and de-duplicated (order kept); null means any.
     * Gender is "female", "male" (any case) or null/blank for any.
     */
    public static List<RunEvent> request(
            RunId id,
            int count,
            int pageSize,
            String seed,
            List<String> nationalities,
            String gender,
            String idempotencyKey,
            Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        if (count < 1 || count > RequestLimits.MAX_COUNT) {
            throw new RunRuleViolation("count must be between 1 and " + RequestLimits.MAX_COUNT + ", was " + count);
        }
        if (pageSize < 1 || pageSize > RequestLimits.MAX_PAGE_SIZE) {
            throw new RunRuleViolation(
                    "pageSize must be between 1 and " + RequestLimits.MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (seed == null || seed.isBlank()) {
            throw new RunRuleViolation("seed must not be blank (generate one with RunDecisions.newSeed)");
        }
        return List.of(new RunRequested(
                id, count, pageSize, seed, nationalities(nationalities), gender(gender), idempotencyKey, now));
    }

    /** A seed like RandomUser's own: 16 lowercase hex digits. */
    public static String newSeed(RandomGenerator random) {
        return HexFormat.of().toHexDigits(random.nextLong());
    }

    /**
     * A page's users are in the event store: [PageStored], plus [RunFetched] when it was the last
     * missing page, plus [RunCompleted] when by then every accepted user is persisted or parked
     * (at once when the run accepted none). Nothing when the page was already stored (re-fetched
     * after a crash).
     *
     * @param accepted users of the page (UserFetched)
     * @param rejected profiles of the page that could not be kept (UserRejected); accepted + rejected may be below
     *                 {@link IngestionRun#resultsOnPage} if the source sent fewer, never above
     */
    public static List<RunEvent> pageStored(IngestionRun run, int page, int accepted, int rejected, Instant now) {
        return pageStored(run, page, accepted, rejected, 0, 0, now);
    }

    /**
     * As {@link #pageStored(IngestionRun, int, int, int, Instant)}, for a page some of whose accepted
     * users were kept with field problems.
     *
     * @param withFieldProblems accepted users with at least one field problem (0..accepted)
     * @param withFieldsNulled  of those, users with at least one field stored as null (0..withFieldProblems)
     */
    public static List<RunEvent> pageStored(
            IngestionRun run,
            int page,
            int accepted,
            int rejected,
            int withFieldProblems,
            int withFieldsNulled,
            Instant now) {
        Objects.requireNonNull(now, "now");
        requireActive(run, "store page " + page);
        requirePage(run, page);
        if (accepted < 0 || rejected < 0) {
            throw new RunRuleViolation(
                    "page " + page + ": accepted and rejected must be >= 0, were " + accepted + " and " + rejected);
        }
        if (accepted + rejected > run.resultsOnPage(page)) {
            throw new RunRuleViolation("page " + page + " has " + run.resultsOnPage(page) + " users, but " + accepted
                    + " accepted + " + rejected + " rejected were reported");
        }
        if (withFieldsNulled < 0 || withFieldsNulled > withFieldProblems || withFieldProblems > accepted) {
            throw new RunRuleViolation("page " + page + ": users with fields nulled (" + withFieldsNulled
                    + ") <= users with field problems (" + withFieldProblems + ") <= accepted (" + accepted
                    + ") does not hold");
        }
        if (run.isStored(page)) {
            return List.of();
        }
        List<RunEvent> events = new ArrayList<>();
        events.add(new PageStored(run.runId(), page, accepted, rejected, withFieldProblems, withFieldsNulled));
        if (run.pagesToFetch().equals(List.of(page))) {
            int fetched = run.fetched() + accepted;
            events.add(new RunFetched(run.runId(), fetched, run.rejected() + rejected, now));
            if (run.usersDone() >= fetched) {
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
        String reason =
                "page " + page + " failed " + attempt + (attempt == 1 ? " time" : " times") + ", last: " + error;
        return List.of(failed, new RunFailed(run.runId(), reason, now));
    }

    /**
     * The sidecar persisted {@code newlyPersisted} more users of the run (distinct ids, counted by the
     * caller from UserPersisted). [RunCompleted] when the run is FETCHED and the persisted total
     * ({@code run.persisted() + newlyPersisted}) plus the parked users reaches the fetched count, and
     * no replay is under way (a replay completes through
     * {@link #usersPersisted(IngestionRun, String, int, int, Instant, Instant)});
     * otherwise nothing.
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
        return completion(run.withPersisted(run.persisted() + newlyPersisted), now);
    }

    /**
     * The sidecar persisted {@code newlyPersisted} users of the run not reported before (the caller
     * de-duplicates ids): [UsersPersisted], plus [RunCompleted] when {@link #persisted} says the run is
     * done. Nothing when no id is new (a replayed batch).
     */
    public static List<RunEvent> usersPersisted(
            IngestionRun run, String batchId, int newlyPersisted, Instant persistedAt, Instant now) {
        return usersPersisted(run, batchId, newlyPersisted, 0, persistedAt, now);
    }

    /**
     * The sidecar persisted users of the run: {@code newlyPersisted} never reported before, and
     * {@code newlyReplayed} not reported since the run's replay under way began (the caller
     * de-duplicates ids; an id new to both counts in both). [UsersPersisted] when some id is new,
     * [ReplayPersisted] when some id is new to the replay under way, and [RunCompleted] when the run
     * is FETCHED, every fetched user is persisted and, with a replay under way, that replay has
     * published everything and every user was persisted again. Nothing when no id is new.
     */
    public static List<RunEvent> usersPersisted(
            IngestionRun run, String batchId, int newlyPersisted, int newlyReplayed, Instant persistedAt, Instant now) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(persistedAt, "persistedAt");
        if (newlyPersisted < 0 || newlyReplayed < 0) {
            throw new IllegalArgumentException(
                    "newlyPersisted and newlyReplayed must be >= 0, were " + newlyPersisted + " and " + newlyReplayed);
        }
        List<RunEvent> events = new ArrayList<>();
        if (newlyPersisted > 0) {
            events.add(new UsersPersisted(run.runId(), batchId, newlyPersisted, persistedAt));
        }
        if (newlyReplayed > 0 && run.replay().isUnderWay()) {
            events.add(new ReplayPersisted(run.runId(), run.replay().number(), batchId, newlyReplayed, persistedAt));
        }
        if (events.isEmpty()) {
            return List.of();
        }
        IngestionRun next = run;
        for (RunEvent event : events) {
            next = next.apply(event);
        }
        events.addAll(completion(next, now));
        return List.copyOf(events);
    }

    /**
     * The outbox parked {@code parked} users of the run that Kafka refused for good: [UsersParked],
     * plus [RunCompleted] when {@link #completion} says the run is now whole (a parked user is never
     * persisted, so the run must not wait for it). Nothing when none was parked. Recorded on a
     * finished run too: the users were refused whatever became of the run.
     *
     * @param reason what the run shows as its last error (see {@link UsersParked#reason()})
     */
    public static List<RunEvent> usersParked(IngestionRun run, int parked, String reason, Instant now) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(now, "now");
        if (parked < 0) {
            throw new IllegalArgumentException("parked must be >= 0, was " + parked);
        }
        if (parked == 0) {
            return List.of();
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("parked users need a reason");
        }
        UsersParked event = new UsersParked(run.runId(), parked, reason, now);
        List<RunEvent> events = new ArrayList<>();
        events.add(event);
        events.addAll(completion(run.apply(event), now));
        return List.copyOf(events);
    }

    /**
     * [RunCompleted] when {@code run} (the state after the events decided so far) is whole: FETCHED,
     * every fetched user persisted in Cassandra or parked by the outbox, and a replay under way done
     * publishing with every user that can be persisted reported persisted again since it began. The
     * one home of this rule.
     */
    static List<RunEvent> completion(IngestionRun run, Instant now) {
        Replay replay = run.replay();
        boolean replayDone = !replay.isUnderWay()
                || replay.state() == Replay.State.PERSISTING && replay.persisted() + run.parked() >= run.fetched();
        if (run.status() == RunStatus.FETCHED && run.usersDone() >= run.fetched() && replayDone) {
            return List.of(new RunCompleted(run.runId(), run.persisted(), now));
        }
        return List.of();
    }

    /** Stripped, upper-cased, de-duplicated (order kept); empty for null. Also the home of the rule for comparing requests. */
    public static List<String> nationalities(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : requested) {
            String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            if (RequestLimits.NATIONALITIES.contains(normalized)) {
                codes.add(normalized);
            } else {
                unknown.add("'" + code + "'");
            }
        }
        if (!unknown.isEmpty()) {
            throw new RunRuleViolation("unknown nationality " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", NATIONALITIES_SORTED));
        }
        return List.copyOf(codes);
    }

    /** "female", "male" or null for any. */
    public static String gender(String gender) {
        if (gender == null || gender.isBlank()) {
            return null;
        }
        String normalized = gender.strip().toLowerCase(Locale.ROOT);
        if (!RequestLimits.GENDERS.contains(normalized)) {
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
            throw new RunRuleViolation(
                    "page " + page + " is out of range: run " + run.runId() + " has pages 1.." + run.pageCount());
        }
    }
}
