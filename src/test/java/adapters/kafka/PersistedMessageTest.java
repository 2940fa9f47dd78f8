package adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;

class PersistedMessageTest {

    private static final String EXAMPLE = """
            {
              "schema_version": 1,
              "run_id": "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
              "user_ids": ["0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098", "5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f"],
              "batch_id": "3c9a6f2e-1d4b-4a8c-9e7f-2b5d8c1a4e63:17",
              "persisted_at": "2026-11-25T10:00:04.902Z"
            }""";

    @Test
    void given_the_contract_example_when_parsed_then_every_field_is_read() {
        PersistedMessage message = PersistedMessage.parse(EXAMPLE.getBytes(StandardCharsets.UTF_8));

        assertThat(message.runId()).isEqualTo(RunId.of("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertThat(message.userIds())
                .containsExactly(
                        UserId.of("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098"),
                        UserId.of("5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f"));
        assertThat(message.batchId()).isEqualTo("3c9a6f2e-1d4b-4a8c-9e7f-2b5d8c1a4e63:17");
        assertThat(message.persistedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:04.902Z"));
    }

    @Test
    void given_bad_messages_when_parsed_then_they_are_refused() {
        assertThatThrownBy(() -> PersistedMessage.parse("{x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> PersistedMessage.parse(EXAMPLE.replace("\"schema_version\": 1", "\"schema_version\": 2")
                                .getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("schema_version");
        assertThatThrownBy(() -> PersistedMessage.parse(
                        EXAMPLE.replaceAll("\\[.*]", "[]").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("user_ids");
        assertThatThrownBy(() -> PersistedMessage.parse(
                        EXAMPLE.replace("6f1c2a8e-3b4d", "nope").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
