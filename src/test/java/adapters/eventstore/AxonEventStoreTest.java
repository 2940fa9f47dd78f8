package adapters.eventstore;

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
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserRejected;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AxonEventStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path directory;

    @Test
    void given_a_run_with_a_stored_page_when_the_store_is_reopened_then_its_history_is_unchanged() {
        RunId run = RunId.random();
        List<RunEvent> history = List.of(requested(run), new PageStored(run, 1, 2, 1));
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.append(run, 0, List.of(history.get(0)), List.of());
            store.append(run, 1, List.of(history.get(1)), usersOfPage(run, 1));
        }

        try (AxonEventStore reopened = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            assertThat(reopened.loadHistory(run)).containsExactlyElementsOf(history);
            assertThat(userEventsIn(reopened)).hasSize(3)
                    .allSatisfy(event -> assertThat(event.runId()).isEqualTo(run));
        }
    }

    @Test
    void given_two_writers_from_the_same_version_when_both_append_then_the_second_fails_and_stores_nothing() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.append(run, 0, List.of(requested(run)), List.of());
            store.append(run, 1, List.of(new PageStored(run, 1, 2, 1)), usersOfPage(run, 1));

            assertThatThrownBy(() -> store.append(run, 1, List.of(new PageStored(run, 2, 2, 1)), usersOfPage(run, 2)))
                    .isInstanceOf(ConcurrentRunUpdateException.class)
                    .hasMessageContaining(run.toString());

            assertThat(store.loadHistory(run)).hasSize(2);
            assertThat(userEventsIn(store)).extracting(UserEvent::page).containsOnly(1);
        }
    }

    @Test
    void given_an_unknown_run_when_loaded_then_its_history_is_empty() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            assertThat(store.loadHistory(RunId.random())).isEmpty();
        }
    }

    @Test
    void given_a_url_of_another_database_then_the_settings_name_the_supported_ones() {
        assertThatThrownBy(() -> new EventStoreSettings("jdbc:mysql://localhost/events", "u", "p"))
                .hasMessage("event store URL must be jdbc:h2:... or jdbc:postgresql:..., was 'jdbc:mysql://localhost/events'");
    }

    static RunRequested requested(RunId run) {
        return new RunRequested(run, 10, 5, "abcdef0123456789", List.of("GB", "NL"), null, "airflow-run-1", NOW);
    }

    static List<UserEvent> usersOfPage(RunId run, int page) {
        return List.of(
                new UserFetched(run, page, user("Ægir", "Ødegård"), NOW),
                new UserFetched(run, page, user("Zeynep", "Öztürk"), NOW),
                new UserRejected(run, page, "{\"login\":{}}", "login.uuid is missing: the user cannot be identified", NOW));
    }

    static User user(String first, String last) {
        return new User(new UserId(UUID.randomUUID()), first, last, "female", "12 Storgata, Oslo, Oslo, Norway",
                "0150", first.toLowerCase() + "@example.com", "user" + first.length(), Instant.parse("1990-01-02T03:04:05.678Z"),
                Instant.parse("2015-06-07T08:09:10.111Z"), "55 55 55 55", "https://randomuser.me/api/portraits/women/1.jpg", "NO");
    }

    private static List<UserEvent> userEventsIn(AxonEventStore store) {
        return store.readAllPayloads().stream()
                .filter(UserEvent.class::isInstance)
                .map(UserEvent.class::cast)
                .toList();
    }
}
