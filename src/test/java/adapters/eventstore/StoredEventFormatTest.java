package adapters.eventstore;

import static adapters.eventstore.EventStoreSchema.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import domain.event.PageFetchFailed;
import domain.event.PageStored;
import domain.event.ReplayPersisted;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCancelled;
import domain.event.RunCompleted;
import domain.event.RunEvent;
import domain.event.RunFailed;
import domain.event.RunFetched;
import domain.event.RunRequested;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UserParked;
import domain.event.UserRejected;
import domain.event.UsersParked;
import domain.event.UsersPersisted;
import domain.run.RunId;
import domain.user.FieldProblem;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored events are the system of record and outlive the code that wrote them: this pins the
 * JSON each event type is stored as (ISO-8601 instants, nulls written out) and that a reader
 * ignores a field it does not know.
 */
class StoredEventFormatTest {

    private static final RunId RUN = RunId.of("0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c");
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T12:00:01.234Z");

    private static final List<RunEvent> RUN_EVENTS = List.of(
            new RunRequested(RUN, 10, 5, "abcdef0123456789", List.of("GB", "NL"), "female", "airflow-run-1", T0),
            new PageFetchFailed(RUN, 1, 2, "randomuser.me answered 503", T1),
            new PageStored(RUN, 1, 1, 1, 1, 1),
            new RunFetched(RUN, 1, 1, T1),
            new UsersPersisted(RUN, "q:1", 1, T1),
            new UsersParked(RUN, 1, "user 5e1a7c3d-9b2f-4d6e-8a0c-1f3b5d7e9a2c parked: too large", T1),
            new RunFailed(RUN, "too many failed pages", T1),
            new RunCompleted(RUN, 1, T1),
            new ReplayRequested(RUN, 1, T1),
            new ReplayPublished(RUN, 1, 1, T1),
            new ReplayPersisted(RUN, 1, "q2:1", 1, T1),
            new RunCancelled(RUN, T1));
    private static final List<UserEvent> USER_EVENTS = List.of(
            new UserFetched(
                    RUN,
                    1,
                    new User(
                            UserId.of("5e1a7c3d-9b2f-4d6e-8a0c-1f3b5d7e9a2c"),
                            "Ægir",
                            "Ødegård",
                            "male",
                            "12 Storgata, Oslo, Oslo, Norway",
                            null,
                            "aegir@example.com",
                            "user4",
                            Instant.parse("1990-01-02T03:04:05.678Z"),
                            Instant.parse("2015-06-07T08:09:10.111Z"),
                            "55 55 55 55",
                            "https://randomuser.me/api/portraits/men/1.jpg",
                            "NO",
                            List.of(new FieldProblem(
                                    "location.postcode", "is not a whole number: 150.5; stored as null", true))),
                    T1),
            new UserRejected(RUN, 1, "{\"login\":{}}", "login.uuid is missing: the user cannot be identified", T1),
            new UserParked(RUN, 1, UserId.of("5e1a7c3d-9b2f-4d6e-8a0c-1f3b5d7e9a2c"), "too large", T1));
    private static final RunId BARE_RUN = RunId.of("7d3e5f1a-2b4c-4d6e-8f0a-9c1b3d5e7f20");
    private static final RunRequested BARE_REQUEST =
            new RunRequested(BARE_RUN, 1, 1, "seed", List.of(), null, null, T0);

    /** How versions before docs/adr/0013 stored a fetched user: one JSON entry each. Stores hold such entries still. */
    private static final String USER_FETCHED_AS_OLDER_VERSIONS_STORED_IT =
            "{\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                    + "\"page\":1,\"user\":{\"id\":{\"value\":\"5e1a7c3d-9b2f-4d6e-8a0c-1f3b5d7e9a2c\"},"
                    + "\"firstName\":\"Ægir\",\"lastName\":\"Ødegård\",\"gender\":\"male\","
                    + "\"address\":\"12 Storgata, Oslo, Oslo, Norway\",\"postCode\":null,"
                    + "\"email\":\"aegir@example.com\",\"username\":\"user4\","
                    + "\"dob\":\"1990-01-02T03:04:05.678Z\",\"registeredDate\":\"2015-06-07T08:09:10.111Z\","
                    + "\"phone\":\"55 55 55 55\",\"picture\":\"https://randomuser.me/api/portraits/men/1.jpg\","
                    + "\"nationality\":\"NO\",\"fieldProblems\":[{\"field\":\"location.postcode\","
                    + "\"what\":\"is not a whole number: 150.5; stored as null\",\"nulled\":true}]},"
                    + "\"fetchedAt\":\"2026-11-25T12:00:01.234Z\"}";

    @TempDir
    Path directory;

    @Test
    void given_every_event_type_when_appended_then_its_payload_is_stored_as_this_json_and_a_page_as_one_binary_entry() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(RUN, 0, RUN_EVENTS, USER_EVENTS);
            store.appendRunEvents().append(BARE_RUN, 0, List.of(BARE_REQUEST), List.of());

            assertThat(storedPayloads(store))
                    .containsExactly(
                            "domain.event.RunRequested {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"count\":10,\"pageSize\":5,\"seed\":\"abcdef0123456789\","
                                    + "\"nationalities\":[\"GB\",\"NL\"],"
                                    + "\"gender\":\"female\",\"idempotencyKey\":\"airflow-run-1\","
                                    + "\"requestedAt\":\"2026-11-25T12:00:00Z\"}",
                            "domain.event.PageFetchFailed {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"page\":1,\"attempt\":2,\"error\":\"randomuser.me answered 503\","
                                    + "\"failedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.PageStored {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"page\":1,\"accepted\":1,\"rejected\":1,"
                                    + "\"usersWithFieldProblems\":1,\"usersWithFieldsNulled\":1}",
                            "domain.event.RunFetched {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"fetched\":1,\"rejected\":1,\"fetchedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.UsersPersisted {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"batchId\":\"q:1\",\"newlyPersisted\":1,\"persistedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.UsersParked {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"parked\":1,\"reason\":\"user 5e1a7c3d-9b2f-4d6e-8a0c-1f3b5d7e9a2c parked: too large\","
                                    + "\"parkedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.RunFailed {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"reason\":\"too many failed pages\",\"failedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.RunCompleted {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"persisted\":1,\"completedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.ReplayRequested {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"replay\":1,\"requestedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.ReplayPublished {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"replay\":1,\"published\":1,\"publishedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.ReplayPersisted {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"replay\":1,\"batchId\":\"q2:1\",\"newlyPersisted\":1,"
                                    + "\"persistedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.RunCancelled {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"cancelledAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "adapters.eventstore.StoredUserPage binary version 1, 1 user(s)",
                            "domain.event.UserRejected {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"page\":1,\"rawJson\":\"{\\\"login\\\":{}}\","
                                    + "\"reason\":\"login.uuid is missing: the user cannot be identified\","
                                    + "\"rejectedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.UserParked {\"runId\":{\"value\":\"0b6f1c2e-5d4a-4e8b-9c3f-2a1d0e9f8b7c\"},"
                                    + "\"page\":1,\"userId\":{\"value\":\"5e1a7c3d-9b2f-4d6e-8a0c-1f3b5d7e9a2c\"},"
                                    + "\"reason\":\"too large\",\"parkedAt\":\"2026-11-25T12:00:01.234Z\"}",
                            "domain.event.RunRequested {\"runId\":{\"value\":\"7d3e5f1a-2b4c-4d6e-8f0a-9c1b3d5e7f20\"},"
                                    + "\"count\":1,\"pageSize\":1,\"seed\":\"seed\",\"nationalities\":[],"
                                    + "\"gender\":null,\"idempotencyKey\":null,\"requestedAt\":\"2026-11-25T12:00:00Z\"}");
        }
    }

    @Test
    void given_stored_events_with_a_field_this_code_does_not_know_when_read_then_the_field_is_ignored() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            appendAsOlderVersionsDid(store);

            addFieldToEveryStoredPayload(store, "\"droppedField\":{\"since\":\"v0\"},");

            assertThat(store.loadRunHistory().loadHistory(RUN)).containsExactlyElementsOf(RUN_EVENTS);
            assertThat(StoredEvents.allPayloads(store))
                    .filteredOn(UserEvent.class::isInstance)
                    .containsExactlyInAnyOrderElementsOf(USER_EVENTS);
        }
    }

    @Test
    void given_events_stored_before_field_problems_were_recorded_when_read_then_they_have_none() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            appendAsOlderVersionsDid(store);

            rewriteEveryStoredPayload(
                    store,
                    json -> json.replaceAll(",\"usersWith[A-Za-z]+\":\\d+", "")
                            .replaceAll(",\"fieldProblems\":\\[[^]]*]", ""));

            assertThat(store.loadRunHistory().loadHistory(RUN))
                    .filteredOn(PageStored.class::isInstance)
                    .containsExactly(new PageStored(RUN, 1, 1, 1, 0, 0));
            assertThat(StoredEvents.allPayloads(store))
                    .filteredOn(UserFetched.class::isInstance)
                    .singleElement()
                    .satisfies(event -> assertThat(((UserFetched) event).user().fieldProblems())
                            .isEmpty());
        }
    }

    @Test
    void given_a_user_stored_one_an_entry_by_an_older_version_when_read_then_it_loads_as_it_was() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            appendAsOlderVersionsDid(store);

            assertThat(storedPayloads(store))
                    .contains("domain.event.UserFetched " + USER_FETCHED_AS_OLDER_VERSIONS_STORED_IT);
            assertThat(StoredEvents.allPayloads(store))
                    .filteredOn(UserFetched.class::isInstance)
                    .containsExactly(USER_EVENTS.get(0));
        }
    }

    /** The run's events, then each fetched user as one JSON entry, as before docs/adr/0013. */
    private static void appendAsOlderVersionsDid(AxonEventStore store) {
        store.appendRunEvents()
                .append(
                        RUN,
                        0,
                        RUN_EVENTS,
                        USER_EVENTS.stream()
                                .filter(event -> !(event instanceof UserFetched))
                                .toList());
        store.transactions()
                .executeInTransaction(() -> store.eventStore()
                        .publish(USER_EVENTS.stream()
                                .filter(UserFetched.class::isInstance)
                                .map(org.axonframework.eventhandling.GenericEventMessage::asEventMessage)
                                .toList()));
    }

    private static List<String> storedPayloads(AxonEventStore store) {
        return store.database().withConnection(connection -> {
            List<String> payloads = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT " + EVENTS.payloadTypeColumn() + ", "
                            + EVENTS.payloadColumn() + " FROM " + EVENTS.domainEventTable() + " ORDER BY "
                            + EVENTS.globalIndexColumn());
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(StoredUserPage.class.getName())) {
                        byte[] page = rows.getBytes(2);
                        payloads.add(rows.getString(1) + " binary version " + page[0] + ", "
                                + UserPageCodec.decode(page).users().size() + " user(s)");
                    } else {
                        payloads.add(rows.getString(1) + " " + new String(rows.getBytes(2), StandardCharsets.UTF_8));
                    }
                }
            }
            return payloads;
        });
    }

    private static void addFieldToEveryStoredPayload(AxonEventStore store, String field) {
        rewriteEveryStoredPayload(store, json -> "{" + field + json.substring(1));
    }

    private static void rewriteEveryStoredPayload(AxonEventStore store, UnaryOperator<String> rewrite) {
        store.database().withConnection(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + EVENTS.globalIndexColumn() + ", "
                            + EVENTS.payloadColumn() + " FROM " + EVENTS.domainEventTable());
                    ResultSet rows = query.executeQuery();
                    PreparedStatement update = connection.prepareStatement("UPDATE " + EVENTS.domainEventTable()
                            + " SET " + EVENTS.payloadColumn() + " = ? WHERE " + EVENTS.globalIndexColumn() + " = ?")) {
                while (rows.next()) {
                    String json = new String(rows.getBytes(2), StandardCharsets.UTF_8);
                    update.setBytes(1, rewrite.apply(json).getBytes(StandardCharsets.UTF_8));
                    update.setLong(2, rows.getLong(1));
                    update.executeUpdate();
                }
            }
            return null;
        });
    }
}
