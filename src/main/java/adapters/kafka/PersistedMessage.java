package adapters.kafka;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import domain.run.RunId;
import domain.user.UserId;
import json.PipelineJson;

/** A {@code users_persisted} message (docs/contracts.md), parsed and checked. */
record PersistedMessage(RunId runId, List<UserId> userIds, String batchId, Instant persistedAt) {

    PersistedMessage {
        userIds = List.copyOf(userIds);
    }

    /** @throws IllegalArgumentException when the bytes are not a valid message of schema version 1 */
    static PersistedMessage parse(byte[] json) {
        JsonNode root;
        try {
            root = PipelineJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode version = root.get("schema_version");
        if (version == null || !version.canConvertToInt() || version.asInt() != 1) {
            throw new IllegalArgumentException("schema_version must be 1, was " + version);
        }
        RunId runId = RunId.of(text(root, "run_id"));
        JsonNode ids = root.get("user_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw new IllegalArgumentException("user_ids must be a non-empty array");
        }
        List<UserId> userIds = new ArrayList<>(ids.size());
        for (JsonNode id : ids) {
            if (!id.isTextual()) {
                throw new IllegalArgumentException("user_ids must hold strings, found " + id);
            }
            userIds.add(UserId.of(id.asText()));
        }
        String batchId = text(root, "batch_id");
        Instant persistedAt;
        try {
            persistedAt = Instant.parse(text(root, "persisted_at"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("persisted_at must be an ISO-8601 instant: " + e.getMessage(), e);
        }
        return new PersistedMessage(runId, userIds, batchId, persistedAt);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-blank string");
        }
        return node.asText();
    }
}
