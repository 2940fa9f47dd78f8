package adapters.eventstore;

import static adapters.eventstore.AxonEventStoreTest.requested;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.event.PageStored;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunFetched;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay's bookkeeping beside the events: its progress in the run index, and stores older than replays. */
class ReplayProgressRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T13:00:00Z");

    @TempDir
    Path directory;

    @Test
    void given_a_replay_requested_when_its_progress_is_recorded_then_the_run_shows_it_until_a_newer_replay_starts() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            fetchedRun(store, run);
            store.appendRunEvents().append(run, 3, List.of(new ReplayRequested(run, 1, NOW)), List.of());

            assertThat(store.findRuns().listReplaying()).containsExactly(run);
            assertThat(store.recordReplayProgress().recordReplayPublished(run, 1, 2))
                    .isTrue();
            assertThat(store.recordReplayProgress().recordReplayPublished(run, 1, 1))
                    .isTrue();
            assertThat(store.findRuns().replayPublishedCount(run))
                    .as("never lowered")
                    .isEqualTo(2);

            store.appendRunEvents().append(run, 4, List.of(new ReplayPublished(run, 1, 2, NOW)), List.of());
            assertThat(store.findRuns().listReplaying()).isEmpty();
            store.appendRunEvents().append(run, 5, List.of(new ReplayRequested(run, 2, NOW)), List.of());

            assertThat(store.recordReplayProgress().recordReplayPublished(run, 1, 2))
                    .isFalse();
            assertThat(store.findRuns().replayPublishedCount(run)).isZero();
        }
    }

    @Test
    void given_a_store_created_before_replays_when_reopened_then_its_tables_gain_the_replay_columns() {
        RunId run = RunId.random();
        UserId known = new UserId(UUID.randomUUID());
        try (AxonEventStore old = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            fetchedRun(old, run);
            StoredEvents.markFetched(old, run, known);
            old.recordPersistedIds().recordPersisted(run, 3, 0, List.of(known), n -> List.of());
            old.database().withConnection(connection -> {
                try (var ddl = connection.createStatement()) {
                    ddl.execute("ALTER TABLE " + RunIndex.TABLE + " DROP COLUMN replay");
                    ddl.execute("ALTER TABLE " + RunIndex.TABLE + " DROP COLUMN replay_published");
                    ddl.execute("ALTER TABLE " + LegacyIdTables.PERSISTED + " DROP COLUMN replay");
                }
                return null;
            });
        }

        try (AxonEventStore reopened = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            reopened.appendRunEvents().append(run, 3, List.of(new ReplayRequested(run, 1, NOW)), List.of());

            assertThat(reopened.recordReplayProgress().recordReplayPublished(run, 1, 2))
                    .isTrue();
            assertThat(reopened.recordPersistedIds().recordPersisted(run, 4, 1, List.of(known), n -> List.of()))
                    .isEqualTo(new NewIds(0, 1));
        }
    }

    private static void fetchedRun(AxonEventStore store, RunId run) {
        store.appendRunEvents().append(run, 0, List.of(requested(run, null)), List.of());
        store.appendRunEvents()
                .append(run, 1, List.of(new PageStored(run, 1, 2, 0)), AxonEventStoreTest.usersOfPage(run, 1));
        store.appendRunEvents().append(run, 2, List.of(new RunFetched(run, 2, 0, NOW)), List.of());
    }
}
