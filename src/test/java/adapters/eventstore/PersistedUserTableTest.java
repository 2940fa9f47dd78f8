package adapters.eventstore;

import static adapters.eventstore.AxonEventStoreTest.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import application.port.out.AppendRunEventsPort.ConcurrentRunUpdateException;
import domain.event.PageStored;
import domain.event.RunEvent;
import domain.event.RunRequested;
import domain.event.UsersPersisted;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistedUserTableTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void given_ids_reported_twice_when_recorded_then_only_new_ids_count_and_events_are_appended_with_them() {
        RunId run = RunId.random();
        List<UserId> first = List.of(id(), id(), id());
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.append(run, 0, List.of(requested(run)), List.of());

            int added = store.recordPersisted(run, 1, first, n -> List.of(new UsersPersisted(run, "q:1", n, NOW)));
            int again = store.recordPersisted(run, 2, first, n -> n == 0 ? List.of()
                    : List.of(new UsersPersisted(run, "q:1", n, NOW)));
            int mixed = store.recordPersisted(run, 2, List.of(first.get(0), id()),
                    n -> List.of(new UsersPersisted(run, "q:2", n, NOW)));

            assertThat(added).isEqualTo(3);
            assertThat(again).isZero();
            assertThat(mixed).isEqualTo(1);
            assertThat(store.persistedIdCount(run)).isEqualTo(4);
            assertThat(store.loadHistory(run)).containsExactly(requested(run),
                    new UsersPersisted(run, "q:1", 3, NOW), new UsersPersisted(run, "q:2", 1, NOW));
        }
    }

    @Test
    void given_a_stale_version_when_recorded_then_neither_ids_nor_events_are_stored() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.append(run, 0, List.of(requested(run)), List.of());
            store.append(run, 1, List.of(new PageStored(run, 1, 5, 0)), List.of());

            assertThatThrownBy(() -> store.recordPersisted(run, 1, List.of(id(), id()),
                    n -> List.<RunEvent>of(new UsersPersisted(run, "q:1", n, NOW))))
                    .isInstanceOf(ConcurrentRunUpdateException.class);

            assertThat(store.persistedIdCount(run)).isZero();
            assertThat(store.loadHistory(run)).hasSize(2);
        }
    }

    @Test
    void given_ids_of_two_runs_when_recorded_then_each_run_has_its_own_set() {
        RunId a = RunId.random();
        RunId b = RunId.random();
        UserId shared = id();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.append(a, 0, List.of(requested(a)), List.of());
            store.append(b, 0, List.of(new RunRequested(b, 10, 5, "seed", List.of(), null, null, NOW)), List.of());

            assertThat(store.recordPersisted(a, 1, List.of(shared), n -> List.of())).isEqualTo(1);
            assertThat(store.recordPersisted(b, 1, List.of(shared), n -> List.of())).isEqualTo(1);
        }
    }

    private static UserId id() {
        return UserId.of(UUID.randomUUID().toString());
    }
}
