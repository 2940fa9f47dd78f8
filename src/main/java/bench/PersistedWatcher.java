package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import json.PipelineJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Follows users_persisted from its end at creation and counts the distinct ids announced per run. */
final class PersistedWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = PipelineJson.mapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<UUID, Set<String>> idsByRun = new HashMap<>();

    PersistedWatcher(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is published
    }

    void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            try {
                JsonNode message = JSON.readTree(record.value());
                Set<String> ids = idsByRun.computeIfAbsent(
                        UUID.fromString(message.get("run_id").asText()), r -> new HashSet<>());
                message.get("user_ids").forEach(id -> ids.add(id.asText()));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "unreadable users_persisted message: " + new String(record.value(), StandardCharsets.UTF_8), e);
            }
        }
    }

    long announced(UUID run) {
        return idsByRun.getOrDefault(run, Set.of()).size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
