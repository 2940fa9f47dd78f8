package adapters.eventstore;

import static adapters.eventstore.AxonEventStoreTest.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.event.PageStored;
import domain.event.RunEvent;
import domain.event.RunRequested;
import domain.event.UsersPersisted;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistedIdsRecorderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void given_ids_reported_twice_when_recorded_then_only_new_ids_count_and_events_are_appended_with_them() {
        RunId run = RunId.random();
        List<UserId> first = List.of(id(), id(), id());
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(requested(run)), List.of());
            StoredEvents.markFetched(store, run, first.toArray(UserId[]::new));

            int added = store.recordPersistedIds()
                    .recordPersisted(run, 1, 0, first, n -> List.of(new UsersPersisted(run, "q:1", n.persisted(), NOW)))
                    .persisted();
            int again = store.recordPersistedIds()
                    .recordPersisted(
                            run,
                            2,
                            0,
                            first,
                            n -> n.persisted() == 0
                                    ? List.of()
                                    : List.of(new UsersPersisted(run, "q:1", n.persisted(), NOW)))
                    .persisted();
            int mixed = store.recordPersistedIds()
                    .recordPersisted(
                            run,
                            2,
                            0,
                            List.of(first.get(0), fetched(store, run)),
                            n -> List.of(new UsersPersisted(run, "q:2", n.persisted(), NOW)))
                    .persisted();

            assertThat(added).isEqualTo(3);
            assertThat(again).isZero();
            assertThat(mixed).isEqualTo(1);
            assertThat(StoredEvents.persistedIdCount(store, run)).isEqualTo(4);
            assertThat(store.loadRunHistory().loadHistory(run))
                    .containsExactly(
                            requested(run),
                            new UsersPersisted(run, "q:1", 3, NOW),
                            new UsersPersisted(run, "q:2", 1, NOW));
        }
    }

    @Test
    void given_a_stale_version_when_recorded_then_neither_ids_nor_events_are_stored() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(requested(run)), List.of());
            store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 5, 0)), List.of());

            assertThatThrownBy(() -> store.recordPersistedIds()
                            .recordPersisted(
                                    run,
                                    1,
                                    0,
                                    List.of(id(), id()),
                                    n -> List.<RunEvent>of(new UsersPersisted(run, "q:1", n.persisted(), NOW))))
                    .isInstanceOf(ConcurrentRunUpdateException.class);

            assertThat(StoredEvents.persistedIdCount(store, run)).isZero();
            assertThat(store.loadRunHistory().loadHistory(run)).hasSize(2);
        }
    }

    @Test
    void given_ids_of_two_runs_when_recorded_then_each_run_has_its_own_set() {
        RunId a = RunId.random();
        RunId b = RunId.random();
        UserId shared = id();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(a, 0, List.of(requested(a)), List.of());
            store.appendRunEvents()
                    .append(b, 0, List.of(new RunRequested(b, 10, 5, "seed", List.of(), null, null, NOW)), List.of());
            StoredEvents.markFetched(store, a, shared);
            StoredEvents.markFetched(store, b, shared);

            assertThat(store.recordPersistedIds().recordPersisted(a, 1, 0, List.of(shared), n -> List.of()))
                    .isEqualTo(new NewIds(1, 0));
            assertThat(store.recordPersistedIds().recordPersisted(b, 1, 0, List.of(shared), n -> List.of()))
                    .isEqualTo(new NewIds(1, 0));
        }
    }

    @Test
    void given_a_replay_under_way_when_known_and_new_ids_are_reported_then_each_counts_once_toward_the_replay() {
        RunId run = RunId.random();
        UserId known = id();
        UserId fresh = id();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(requested(run)), List.of());
            StoredEvents.markFetched(store, run, known, fresh);
            store.recordPersistedIds().recordPersisted(run, 1, 0, List.of(known), n -> List.of());

            NewIds duringReplay =
                    store.recordPersistedIds().recordPersisted(run, 1, 1, List.of(known, fresh), n -> List.of());
            NewIds repeated =
                    store.recordPersistedIds().recordPersisted(run, 1, 1, List.of(known, fresh), n -> List.of());
            NewIds nextReplay = store.recordPersistedIds().recordPersisted(run, 1, 2, List.of(known), n -> List.of());
            NewIds noReplay = store.recordPersistedIds().recordPersisted(run, 1, 0, List.of(known), n -> List.of());

            assertThat(duringReplay).isEqualTo(new NewIds(1, 2));
            assertThat(repeated).isEqualTo(new NewIds(0, 0));
            assertThat(nextReplay).isEqualTo(new NewIds(0, 1));
            assertThat(noReplay).isEqualTo(new NewIds(0, 0));
            assertThat(StoredEvents.persistedIdCount(store, run)).isEqualTo(2);
        }
    }

    @Test
    void given_a_stored_page_when_a_report_mixes_its_users_with_others_then_only_its_users_count() {
        RunId run = RunId.random();
        RunId other = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            List<UserId> users = storePage(store, run);
            List<UserId> othersUsers = storePage(store, other);
            List<UserId> reported = new java.util.ArrayList<>(users);
            reported.add(id());
            reported.add(othersUsers.get(0)); // fetched, but by another run

            NewIds counted = store.recordPersistedIds().recordPersisted(run, 2, 0, reported, n -> List.of());

            assertThat(counted).isEqualTo(new NewIds(2, 0, 2));
            assertThat(StoredEvents.persistedIdCount(store, run)).isEqualTo(2);
            assertThat(store.findRuns().ignoredIdsCount(run)).isEqualTo(2);
            assertThat(store.findRuns().ignoredIdsCount(other)).isZero();
        }
    }

    @Test
    void given_a_store_from_before_fetched_ids_were_kept_when_reopened_then_its_stored_users_still_count() {
        RunId run = RunId.random();
        List<UserId> users;
        try (AxonEventStore old = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            // page 1 as versions before the fetched-id tables stored it: one JSON entry a user, no id rows
            users = storePageAsOlderVersionsDid(old, run);
            old.database().withConnection(connection -> {
                try (var ddl = connection.createStatement()) {
                    ddl.execute("DROP TABLE " + LegacyIdTables.FETCHED);
                    ddl.execute("DROP TABLE " + RunPageTable.TABLE);
                }
                return null;
            });
        }

        try (AxonEventStore reopened = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            assertThat(reopened.recordPersistedIds().recordPersisted(run, 2, 0, users, n -> List.of()))
                    .isEqualTo(new NewIds(2, 0, 0));
        }
    }

    @Test
    void
            given_a_store_whose_ids_are_in_per_user_tables_when_reopened_then_they_move_to_a_page_row_and_count_as_before() {
        RunId run = RunId.random();
        UserId persisted = id();
        UserId countedTowardReplay = id();
        UserId fresh = id();
        RunId otherRun = RunId.random();
        UserId othersUser = id();
        try (AxonEventStore old = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            old.appendRunEvents().append(run, 0, List.of(requested(run, null)), List.of());
            old.database().withConnection(connection -> {
                try (var insert = connection.createStatement()) {
                    for (UserId id : List.of(persisted, countedTowardReplay, fresh)) {
                        insert.execute(
                                "INSERT INTO " + LegacyIdTables.FETCHED + " VALUES ('" + run + "', '" + id + "')");
                    }
                    // a forged id an older version counted, and another run's fetched and persisted id
                    insert.execute("INSERT INTO " + LegacyIdTables.PERSISTED + " (run_id, user_id, replay) VALUES ('"
                            + run + "', '" + persisted + "', 0), ('" + run + "', '" + countedTowardReplay + "', 1), ('"
                            + run + "', '" + id() + "', 0), ('" + otherRun + "', '" + othersUser + "', 0)");
                    insert.execute("INSERT INTO " + LegacyIdTables.FETCHED + " VALUES ('" + otherRun + "', '"
                            + othersUser + "')");
                }
                return null;
            });
        }

        try (AxonEventStore reopened = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            assertThat(reopened.recordPersistedIds()
                            .recordPersisted(
                                    run, 1, 1, List.of(persisted, countedTowardReplay, fresh, id()), n -> List.of()))
                    .isEqualTo(new NewIds(1, 2, 1));
            assertThat(StoredEvents.persistedIdCount(reopened, run)).isEqualTo(3);
            assertThat(StoredEvents.persistedIdCount(reopened, otherRun)).isEqualTo(1);
            assertThat(StoredEvents.rowCount(reopened, LegacyIdTables.FETCHED)).isZero();
            assertThat(StoredEvents.rowCount(reopened, LegacyIdTables.PERSISTED))
                    .isZero();
        }
    }

    /** The run requested and its page 1 stored: two fetched users (and a rejected one), whose ids this returns. */
    private static List<UserId> storePage(AxonEventStore store, RunId run) {
        List<domain.event.UserEvent> page = AxonEventStoreTest.usersOfPage(run, 1);
        store.appendRunEvents().append(run, 0, List.of(requested(run, null)), List.of());
        store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, 2, 1)), page);
        return page.stream()
                .filter(domain.event.UserFetched.class::isInstance)
                .map(e -> ((domain.event.UserFetched) e).user().id())
                .toList();
    }

    /** As {@link #storePage}, the fetched users stored as versions before docs/adr/0013 did: one JSON entry each. */
    private static List<UserId> storePageAsOlderVersionsDid(AxonEventStore store, RunId run) {
        List<domain.event.UserEvent> page = AxonEventStoreTest.usersOfPage(run, 1);
        store.appendRunEvents().append(run, 0, List.of(requested(run, null)), List.of());
        store.appendRunEvents()
                .append(
                        run,
                        1,
                        List.of(new PageStored(run, 1, 2, 1)),
                        page.stream()
                                .filter(event -> !(event instanceof domain.event.UserFetched))
                                .toList());
        store.transactions()
                .executeInTransaction(() -> store.eventStore()
                        .publish(page.stream()
                                .filter(domain.event.UserFetched.class::isInstance)
                                .map(org.axonframework.eventhandling.GenericEventMessage::asEventMessage)
                                .toList()));
        return page.stream()
                .filter(domain.event.UserFetched.class::isInstance)
                .map(e -> ((domain.event.UserFetched) e).user().id())
                .toList();
    }

    private static UserId fetched(AxonEventStore store, RunId run) {
        UserId id = id();
        StoredEvents.markFetched(store, run, id);
        return id;
    }

    private static UserId id() {
        return UserId.of(UUID.randomUUID().toString());
    }
}
