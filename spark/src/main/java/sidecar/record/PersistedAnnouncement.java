package sidecar.record;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The values of {@code users_persisted} messages (docs/contracts.md, "users_persisted message") for one
 * run's users written by one Spark micro-batch. Send them only after the batch's Cassandra writes have
 * completed; the key is the run id. A replayed micro-batch (same query id and batch id, same users)
 * yields the same {@code batch_id} and the same {@code user_ids} messages, which the consumer treats as
 * sets, so the repeat changes nothing.
 */
public final class PersistedAnnouncement {

    public static final int SCHEMA_VERSION = 1;
    /** Most ids in one message (the contract's limit); larger sets are split with the same batch id. */
    public static final int MAX_USER_IDS = 10_000;

    private PersistedAnnouncement() {}

    /**
     * {@code {query id}:{batch id}} as the contract defines it: Spark keeps a streaming query's id in
     * its checkpoint, so a batch re-run after a crash gets the same value.
     */
    public static String batchId(UUID queryId, long sparkBatchId) {
        Objects.requireNonNull(queryId, "queryId");
        if (sparkBatchId < 0) {
            throw new IllegalArgumentException("Spark batch id must not be negative: " + sparkBatchId);
        }
        return queryId + ":" + sparkBatchId;
    }

    /**
     * The JSON values announcing {@code userIds} of {@code runId}: ids de-duplicated and sorted (so a
     * replay produces identical messages), at most {@link #MAX_USER_IDS} per message, all with the same
     * batch id. No ids, no messages (a message is never empty).
     */
    public static List<String> toJson(
            UUID queryId, long sparkBatchId, UUID runId, Collection<UUID> userIds, Instant persistedAt) {
        String batchId = batchId(queryId, sparkBatchId);
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(userIds, "userIds");
        Objects.requireNonNull(persistedAt, "persistedAt");
        TreeSet<String> ids = new TreeSet<>();
        for (UUID id : userIds) {
            ids.add(Objects.requireNonNull(id, "a user id is null").toString());
        }
        List<String> messages = new ArrayList<>();
        List<String> chunk = new ArrayList<>(Math.min(ids.size(), MAX_USER_IDS));
        for (String id : ids) {
            chunk.add(id);
            if (chunk.size() == MAX_USER_IDS) {
                messages.add(message(runId, chunk, batchId, persistedAt));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            messages.add(message(runId, chunk, batchId, persistedAt));
        }
        return List.copyOf(messages);
    }

    private static String message(UUID runId, List<String> ids, String batchId, Instant persistedAt) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("schema_version", SCHEMA_VERSION);
        json.put("run_id", runId.toString());
        ArrayNode array = json.putArray("user_ids");
        ids.forEach(array::add);
        json.put("batch_id", batchId);
        json.put("persisted_at", Json.instant(persistedAt));
        try {
            return Json.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
