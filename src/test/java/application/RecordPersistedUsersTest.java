package application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import application.port.in.RunView;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.UsersPersisted;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;

class RecordPersistedUsersTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final RecordPersistedUsers record =
            new RecordPersistedUsers(store, store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final ViewRuns views = new ViewRuns(store, store);
    private List<UserId> fetchedIds = List.of();

    @Test
    void given_a_fetched_run_when_all_its_users_are_reported_then_it_completes_with_the_count() {
        RunId runId = fetchedRun(4);
        List<UserId> ids = fetchedIds;

        assertThat(record.recordPersisted(runId, ids.subList(0, 2), "q:1", NOW)).isEqualTo(2);
        assertThat(views.findRun(runId.toString()))
                .get()
                .extracting(RunView::persisted, RunView::status)
                .containsExactly(2, "FETCHED");
        assertThat(record.recordPersisted(runId, ids.subList(2, 4), "q:2", NOW)).isEqualTo(2);

        RunView view = views.findRun(runId.toString()).orElseThrow();
        assertThat(view.persisted()).isEqualTo(4);
        assertThat(view.status()).isEqualTo("COMPLETED");
        assertThat(store.loadHistory(runId))
                .filteredOn(RunCompleted.class::isInstance)
                .containsExactly(new RunCompleted(runId, 4, NOW));
    }

    @Test
    void given_a_replayed_batch_when_reported_again_then_nothing_is_counted_twice() {
        RunId runId = fetchedRun(10);
        List<UserId> ids = fetchedIds.subList(0, 3);

        record.recordPersisted(runId, ids, "q:1", NOW);
        int versionAfterFirst = store.loadHistory(runId).size();

        assertThat(record.recordPersisted(runId, ids, "q:1", NOW)).isZero();
        assertThat(record.recordPersisted(runId, List.of(ids.get(0), ids.get(0), fetchedIds.get(3)), "q:2", NOW))
                .isEqualTo(1);
        assertThat(store.loadHistory(runId)).hasSize(versionAfterFirst + 1);
        assertThat(store.loadHistory(runId))
                .filteredOn(UsersPersisted.class::isInstance)
                .extracting(e -> ((UsersPersisted) e).newlyPersisted())
                .containsExactly(3, 1);
        assertThat(views.findRun(runId.toString()).orElseThrow().persisted()).isEqualTo(4);
        assertThat(store.persistedIds(runId)).hasSize(4);
    }

    @Test
    void given_an_unknown_run_when_reported_then_it_is_skipped() {
        RunId unknown = RunId.random();

        assertThat(record.recordPersisted(unknown, ids(2), "q:1", NOW)).isZero();
        assertThat(record.recordPersisted(unknown, ids(2), "q:1", NOW)).isZero();
        assertThat(store.loadHistory(unknown)).isEmpty();
    }

    @Test
    void given_a_fetched_run_when_a_report_names_ids_it_never_fetched_then_they_are_ignored_and_counted() {
        RunId runId = fetchedRun(2);
        List<UserId> forged = ids(5);

        assertThat(record.recordPersisted(runId, forged, "forged:1", NOW)).isZero();
        assertThat(record.recordPersisted(
                        runId, List.of(fetchedIds.get(0), forged.get(0), forged.get(0)), "mixed:1", NOW))
                .isEqualTo(1);

        RunView view = views.findRun(runId.toString()).orElseThrow();
        assertThat(view.persisted()).isEqualTo(1);
        assertThat(view.ignoredUserIds()).isEqualTo(6);
        assertThat(view.status()).isEqualTo("FETCHED");
        assertThat(store.persistedIds(runId)).containsExactly(fetchedIds.get(0));
    }

    @Test
    void given_a_fetched_run_when_forged_ids_as_many_as_its_users_are_reported_then_it_does_not_complete() {
        RunId runId = fetchedRun(3);

        record.recordPersisted(runId, ids(3), "forged:1", NOW);

        assertThat(store.loadHistory(runId)).noneMatch(e -> e instanceof RunCompleted || e instanceof UsersPersisted);
        assertThat(views.findRun(runId.toString()).orElseThrow().status()).isEqualTo("FETCHED");
    }

    @Test
    void given_more_unknown_runs_than_remembered_when_reported_then_memory_stays_bounded() {
        for (int i = 0; i < RecordPersistedUsers.MAX_UNKNOWN_RUNS_REMEMBERED + 50; i++) {
            record.recordPersisted(RunId.random(), ids(1), "q:" + i, NOW);
        }

        assertThat(record.unknownRunsRemembered()).isEqualTo(RecordPersistedUsers.MAX_UNKNOWN_RUNS_REMEMBERED);
    }

    /** A run of {@code count} users on one page, stored and FETCHED; {@link #fetchedIds} are its users' ids. */
    private RunId fetchedRun(int count) {
        RunId runId = RunId.random();
        List<RunEvent> events =
                new ArrayList<>(RunDecisions.request(runId, count, count, "seed", null, null, null, NOW));
        IngestionRun run = IngestionRun.replay(events);
        events.addAll(RunDecisions.pageStored(run, 1, count, 0, NOW));
        store.append(runId, 0, events, List.of());
        fetchedIds = TestUsers.storeFetched(store, runId, count);
        return runId;
    }

    private static List<UserId> ids(int n) {
        List<UserId> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UserId.of(UUID.randomUUID().toString()));
        }
        return ids;
    }
}
