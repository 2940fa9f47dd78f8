package sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sidecar.record.ContractDoc;
import sidecar.record.MessageLimits;

/** The sidecar's limits are the ones docs/contracts.md states (the monolith checks its own copy the same way). */
class MessageLimitsTest {

    @Test
    void given_the_contract_s_sizes_table_then_the_sidecar_works_with_the_same_numbers() {
        String topics = ContractDoc.topics();

        assertThat(ContractDoc.sizeLimit(topics, "| `max.message.bytes` of every topic"))
                .isEqualTo(MessageLimits.TOPIC_MAX_MESSAGE_BYTES);
        assertThat(ContractDoc.sizeLimit(topics, "| a `users_created` value"))
                .isEqualTo(MessageLimits.MAX_USER_VALUE_BYTES);
        assertThat(ContractDoc.sizeLimit(topics, "| a dead letter's `original_value`"))
                .isEqualTo(MessageLimits.MAX_ORIGINAL_BYTES);
        assertThat(topics)
                .contains("a DLQ value is at most " + MessageLimits.MAX_DEAD_LETTER_BYTES + " bytes")
                .contains("its key at most " + MessageLimits.MAX_KEY_BYTES)
                .contains("reason cut to " + String.format("%,d", MessageLimits.MAX_REASON_CHARS) + " characters");
    }
}
