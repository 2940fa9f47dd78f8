package adapters.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import domain.run.RunId;
import domain.user.FieldProblem;
import domain.user.User;
import domain.user.UserId;
import json.PipelineJson;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class UserPageCodecTest {

    private static final RunId RUN = new RunId(UUID.fromString("6f1c2b3a-0000-4000-8000-000000000001"));
    private static final Instant FETCHED = Instant.parse("2026-11-28T03:00:00.123456789Z");

    private static User fullUser() {
        return new User(
                new UserId(UUID.fromString("a1b2c3d4-0000-4000-8000-00000000000a")),
                "Ægir",
                "Þórsson 😀",
                "male",
                "12 Long Street, Reykjavík, Höfuðborgarsvæðið, Iceland",
                "105",
                "aegir@example.com",
                "bluebird42",
                Instant.parse("1948-02-29T23:59:59.5Z"), // before 1970: a negative epoch second
                Instant.parse("2010-01-01T00:00:00Z"),
                "(555) 010-1234",
                "https://randomuser.me/api/portraits/med/men/1.jpg",
                "IS",
                List.of(
                        new FieldProblem("location.postcode", "is a whole number: 105; stored as text", false),
                        new FieldProblem("dob.date", "is not a date: 'soon'; stored as null", true)));
    }

    private static User sparseUser() {
        return new User(
                new UserId(UUID.fromString("a1b2c3d4-0000-4000-8000-00000000000b")),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void given_a_page_with_full_sparse_and_odd_users_when_encoded_and_decoded_then_every_field_is_kept() {
        StoredUserPage page = new StoredUserPage(RUN, 7, FETCHED, List.of(fullUser(), sparseUser(), fullUser()));

        StoredUserPage back = UserPageCodec.decode(UserPageCodec.encode(page));

        assertThat(back).isEqualTo(page);
        assertThat(back.events()).hasSize(3).allSatisfy(event -> {
            assertThat(event.runId()).isEqualTo(RUN);
            assertThat(event.page()).isEqualTo(7);
            assertThat(event.fetchedAt()).isEqualTo(FETCHED);
        });
    }

    @Test
    void given_an_empty_string_when_encoded_then_it_stays_empty_and_apart_from_null() {
        User empty = new User(
                new UserId(UUID.randomUUID()), "", null, "", null, null, null, null, null, null, null, null, null);
        StoredUserPage page = new StoredUserPage(RUN, 1, FETCHED, List.of(empty));

        assertThat(UserPageCodec.decode(UserPageCodec.encode(page)).users().get(0))
                .isEqualTo(empty);
    }

    @Test
    void given_a_stored_page_then_its_run_is_read_from_its_first_bytes() {
        byte[] bytes = UserPageCodec.encode(new StoredUserPage(RUN, 1, FETCHED, List.of(fullUser())));

        assertThat(UserPageCodec.runIdOf(Arrays.copyOf(bytes, 17))).isEqualTo(RUN);
    }

    @Test
    void given_a_page_of_real_sized_users_then_it_is_far_smaller_than_their_json() throws Exception {
        StoredUserPage page = new StoredUserPage(RUN, 1, FETCHED, java.util.Collections.nCopies(100, fullUser()));
        byte[] asJson = PipelineJson.mapper().writeValueAsBytes(page.events());

        assertThat(UserPageCodec.encode(page).length).isLessThan(asJson.length / 2);
    }

    @Test
    void given_an_unknown_version_or_cut_bytes_when_decoded_then_it_is_refused_with_a_reason() {
        byte[] bytes = UserPageCodec.encode(new StoredUserPage(RUN, 1, FETCHED, List.of(fullUser())));
        byte[] future = bytes.clone();
        future[0] = 9;

        assertThatThrownBy(() -> UserPageCodec.decode(future)).hasMessageContaining("version 9");
        assertThatThrownBy(() -> UserPageCodec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored user page");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> UserPageCodec.decode(longer)).hasMessageContaining("after the last user");
    }

    @Test
    void given_the_event_store_serializer_then_pages_are_binary_and_other_payloads_stay_json() {
        EventPayloadSerializer serializer = new EventPayloadSerializer(JacksonSerializer.defaultSerializer());
        StoredUserPage page = new StoredUserPage(RUN, 3, FETCHED, List.of(sparseUser()));

        SerializedObject<byte[]> stored = serializer.serialize(page, byte[].class);
        SerializedObject<byte[]> other = serializer.serialize(java.util.Map.of("a", 1), byte[].class);

        assertThat(stored.getData()[0]).isEqualTo(UserPageCodec.VERSION);
        assertThat(stored.getType().getName()).isEqualTo(StoredUserPage.class.getName());
        assertThat(serializer.classForType(stored.getType())).isEqualTo(StoredUserPage.class);
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(page);
        assertThat(new String(other.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1}");
    }
}
