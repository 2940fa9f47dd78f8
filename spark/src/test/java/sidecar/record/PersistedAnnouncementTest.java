package sidecar.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PersistedAnnouncementTest {

    private static final String HEADING = "## users_persisted message";
    private static final UUID QUERY = UUID.fromString("3c9a6f2e-1d4b-4a8c-9e7f-2b5d8c1a4e63");
    private static final UUID RUN = UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final UUID USER_A = UUID.fromString("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098");
    private static final UUID USER_B = UUID.fromString("5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f");
    private static final Instant AT = Instant.parse("2026-11-25T10:00:04.902Z");

    private static JsonNode tree(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    @Test
    void given_a_batch_when_announced_then_the_fields_are_exactly_the_documented_ones_in_order() throws Exception {
        JsonNode json = tree(PersistedAnnouncement.toJson(QUERY, 17L, RUN, List.of(USER_A), AT)
                .get(0));

        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(ContractDoc.tableFields(HEADING));
    }

    @Test
    void given_the_documented_batch_when_announced_then_the_message_is_the_documented_example() throws Exception {
        List<String> messages = PersistedAnnouncement.toJson(QUERY, 17L, RUN, List.of(USER_B, USER_A, USER_B), AT);

        assertThat(messages).hasSize(1);
        assertThat(tree(messages.get(0))).isEqualTo(tree(ContractDoc.firstJsonBlock(HEADING)));
    }

    @Test
    void given_a_replayed_micro_batch_when_announced_again_then_batch_id_and_messages_are_the_same() {
        List<String> first = PersistedAnnouncement.toJson(QUERY, 17L, RUN, List.of(USER_A, USER_B), AT);
        List<String> replay = PersistedAnnouncement.toJson(QUERY, 17L, RUN, Set.of(USER_B, USER_A), AT);

        assertThat(PersistedAnnouncement.batchId(QUERY, 17L))
                .isEqualTo("3c9a6f2e-1d4b-4a8c-9e7f-2b5d8c1a4e63:17")
                .isEqualTo(PersistedAnnouncement.batchId(UUID.fromString(QUERY.toString()), 17L))
                .isNotEqualTo(PersistedAnnouncement.batchId(QUERY, 18L));
        assertThat(replay).isEqualTo(first);
    }

    @Test
    void given_more_ids_than_one_message_holds_when_announced_then_they_are_split_with_one_batch_id_and_none_lost()
            throws Exception {
        List<UUID> ids =
                IntStream.range(0, 25_001).mapToObj(i -> new UUID(0L, i)).toList();

        List<String> messages = PersistedAnnouncement.toJson(QUERY, 3L, RUN, ids, AT);

        assertThat(messages).hasSize(3);
        Set<String> announced = new HashSet<>();
        for (String message : messages) {
            JsonNode json = tree(message);
            assertThat(json.get("batch_id").textValue()).isEqualTo(QUERY + ":3");
            assertThat(json.get("user_ids").size()).isBetween(1, PersistedAnnouncement.MAX_USER_IDS);
            json.get("user_ids").forEach(id -> announced.add(id.textValue()));
        }
        assertThat(announced).hasSize(25_001).contains(new UUID(0L, 25_000).toString());
    }

    @Test
    void given_no_ids_when_announced_then_no_message_is_sent() {
        assertThat(PersistedAnnouncement.toJson(QUERY, 3L, RUN, List.of(), AT)).isEmpty();
    }
}
