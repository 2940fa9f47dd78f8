package adapters.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import adapters.eventstore.RunUserIndex.Place;
import application.port.out.RecordPersistedIdsPort.NewIds;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunUserIndexTest {

    @TempDir
    Path directory;

    private final RunUserIndex index = new RunUserIndex();

    @Test
    void given_pages_of_thousands_of_ids_when_located_then_each_id_has_its_page_and_place_and_strangers_none() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            List<UserId[]> pages = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                pages.add(ids(5_000));
                StoredEvents.markFetched(store, run, pages.get(p));
            }
            UserId stranger = new UserId(UUID.randomUUID());
            Set<UserId> asked = Set.of(pages.get(0)[0], pages.get(1)[4_999], pages.get(2)[2_500], stranger);

            Map<UserId, List<Place>> found = locate(store, run, asked);

            assertThat(found).containsOnlyKeys(pages.get(0)[0], pages.get(1)[4_999], pages.get(2)[2_500]);
            assertThat(found.get(pages.get(0)[0]))
                    .singleElement()
                    .extracting(Place::index)
                    .isEqualTo(0);
            assertThat(found.get(pages.get(1)[4_999]))
                    .singleElement()
                    .extracting(Place::index)
                    .isEqualTo(4_999);
            assertThat(found.get(pages.get(2)[2_500]))
                    .singleElement()
                    .extracting(Place::index)
                    .isEqualTo(2_500);
            assertThat(found.values().stream()
                            .map(places -> places.get(0).page())
                            .distinct())
                    .hasSize(3);
        }
    }

    @Test
    void given_a_page_stored_after_the_run_was_read_when_its_ids_are_located_then_they_are_found() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            UserId[] first = ids(10);
            StoredEvents.markFetched(store, run, first);
            assertThat(locate(store, run, Set.of(first[3]))).hasSize(1);

            UserId[] later = ids(10);
            StoredEvents.markFetched(store, run, later);

            assertThat(locate(store, run, Set.of(later[7], first[3]))).containsOnlyKeys(later[7], first[3]);
        }
    }

    @Test
    void given_an_id_the_run_fetched_on_two_pages_when_reported_then_it_counts_once() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(AxonEventStoreTest.requested(run)), List.of());
            UserId twin = new UserId(UUID.randomUUID());
            StoredEvents.markFetched(store, run, twin, new UserId(UUID.randomUUID()));
            StoredEvents.markFetched(store, run, new UserId(UUID.randomUUID()), twin);

            assertThat(locate(store, run, Set.of(twin)).get(twin)).hasSize(2);
            assertThat(store.recordPersistedIds().recordPersisted(run, 1, 0, List.of(twin), n -> List.of()))
                    .isEqualTo(new NewIds(1, 0, 0));
            assertThat(store.recordPersistedIds().recordPersisted(run, 1, 0, List.of(twin), n -> List.of()))
                    .isEqualTo(new NewIds(0, 0, 0));
        }
    }

    private Map<UserId, List<Place>> locate(AxonEventStore store, RunId run, Set<UserId> ids) {
        return store.database().withConnection(connection -> index.locate(connection, run, ids));
    }

    private static UserId[] ids(int count) {
        UserId[] ids = new UserId[count];
        for (int i = 0; i < count; i++) {
            ids[i] = new UserId(UUID.randomUUID());
        }
        return ids;
    }
}
