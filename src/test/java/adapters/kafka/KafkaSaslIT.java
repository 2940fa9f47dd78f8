package adapters.kafka;

import static adapters.kafka.UserFetchedBuilder.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.UserId;
import embedded.EmbeddedCluster;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SecuredCluster;

/**
 * The app's Kafka clients against a real broker whose only listener is SASL_PLAINTEXT with PLAIN
 * ({@link SecuredCluster}): with the login in their client properties they publish and consume;
 * without it, or with a wrong one, they fail in bounded time with a message that says why.
 */
@ExtendWith(SecuredCluster.class)
class KafkaSaslIT {

    /** Short, so a client that gets no answer gives up soon; the bound checked below leaves room for a slow CI. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private static KafkaSettings settings(EmbeddedCluster cluster, Map<String, String> clientProperties) {
        return KafkaSettings.defaults(cluster.kafkaBootstrapServers())
                .withTopics(TopicReader.uniqueTopics("sasl"))
                .withRequestTimeout(REQUEST_TIMEOUT)
                .withClientProperties(new KafkaClientProperties(clientProperties));
    }

    @Test
    void given_the_sasl_login_when_publishing_and_consuming_then_users_go_through_and_the_probe_is_ok(
            EmbeddedCluster cluster) {
        KafkaSettings settings = settings(cluster, cluster.kafkaClientProperties());
        RunId run = RunId.random();
        List<UserFetched> sent = users(20, run);
        List<List<UserId>> recorded = new CopyOnWriteArrayList<>();

        int maxMessageBytes = KafkaAdapter.ensureTopics(settings);
        try (KafkaUserPublisher publisher = KafkaAdapter.userPublisher(settings, maxMessageBytes);
                Producer<String, byte[]> sidecar = KafkaClients.producer(settings);
                PersistedUsersConsumer consumer = KafkaAdapter.persistedUsersConsumer(
                        settings, "it-sasl-" + UUID.randomUUID(), (runId, ids, batchId, at) -> {
                            recorded.add(ids);
                            return ids.size();
                        })) {
            assertThat(publisher.publish(sent)).isEmpty();
            assertThat(publisher.probe()).isEqualTo("ok");

            UserId persisted = sent.get(0).user().id();
            sidecar.send(persistedMessage(settings.topics().usersPersisted(), run, persisted));
            sidecar.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.isEmpty());
            assertThat(recorded).containsExactly(List.of(persisted));
        }
    }

    @Test
    void given_no_security_settings_when_the_app_starts_on_a_sasl_listener_then_it_fails_in_bounded_time_saying_why(
            EmbeddedCluster cluster) {
        KafkaSettings settings = settings(cluster, Map.of());

        long begin = System.nanoTime();
        assertThatThrownBy(() -> KafkaAdapter.ensureTopics(settings))
                .isInstanceOf(KafkaSetupException.class)
                .hasMessageContaining("cannot create or check Kafka topics")
                .hasMessageContaining("security.protocol is PLAINTEXT")
                .hasMessageContaining("requires SASL or TLS");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void given_a_wrong_password_when_the_app_starts_then_authentication_fails_at_once_and_no_password_is_shown(
            EmbeddedCluster cluster) {
        Map<String, String> wrong = Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                "PLAIN",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"pipeline\" password=\"not-the-password\";");
        KafkaSettings settings = settings(cluster, wrong);

        long begin = System.nanoTime();
        assertThatThrownBy(() -> KafkaAdapter.ensureTopics(settings))
                .isInstanceOf(KafkaSetupException.class)
                .hasMessageContaining("SaslAuthenticationException")
                .hasMessageContaining("Invalid username or password")
                .hasMessageNotContaining("not-the-password");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(20));
    }

    private static ProducerRecord<String, byte[]> persistedMessage(String topic, RunId run, UserId id) {
        String json = "{\"schema_version\":1,\"run_id\":\"" + run + "\",\"user_ids\":[\"" + id
                + "\"],\"batch_id\":\"q:1\",\"persisted_at\":\"2026-11-25T10:00:04.902Z\"}";
        return new ProducerRecord<>(topic, run.toString(), json.getBytes(StandardCharsets.UTF_8));
    }
}
