package adapters.kafka;

import static adapters.kafka.UserFetchedBuilder.RUN;
import static adapters.kafka.UserFetchedBuilder.aUser;
import static adapters.kafka.UserFetchedBuilder.users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import application.port.out.PublishUsersPort.PublishFailedException;
import application.port.out.PublishUsersPort.Refused;
import domain.event.UserFetched;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The publisher's batch bookkeeping against Kafka's MockProducer; the real broker is in KafkaUserPublisherIT. */
class KafkaUserPublisherTest {

    private static final KafkaSettings SETTINGS =
            KafkaSettings.defaults("127.0.0.1:9").withRequestTimeout(Duration.ofMillis(200));

    private final StubProbe probe = new StubProbe();
    private KafkaUserPublisher publisher;

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
    }

    @Test
    void given_a_batch_when_published_then_each_user_is_one_record_keyed_by_its_id_with_the_contract_headers() {
        MockProducer<String, byte[]> producer = mockProducer(true);
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);
        List<UserFetched> batch = users(3, RUN);

        publisher.publish(batch);

        assertThat(producer.history()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            ProducerRecord<String, byte[]> record = producer.history().get(i);
            assertThat(record.topic()).isEqualTo("users_created");
            assertThat(record.key()).isEqualTo(batch.get(i).user().id().toString());
            assertThat(new UserMessageCodec().fromJson(record.value())).isEqualTo(UserMessage.from(batch.get(i)));
            assertThat(header(record, "schema-version")).isEqualTo("1");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
        }
    }

    @Test
    void given_an_empty_batch_when_published_then_nothing_is_sent() {
        MockProducer<String, byte[]> producer = mockProducer(true);
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);

        publisher.publish(List.of());

        assertThat(producer.history()).isEmpty();
    }

    @Test
    void given_some_acknowledgements_fail_when_published_then_the_error_names_topic_count_and_first_cause() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized void flush() {
                        errorNext(new NotEnoughReplicasException("only 1 in-sync replica"));
                        completeNext();
                        errorNext(new TimeoutException("expired"));
                        super.flush();
                    }
                };
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);

        assertThatThrownBy(() -> publisher.publish(users(10, RUN)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("topic users_created")
                .hasMessageContaining("failed for 2 of 10 users (2 failed)")
                .hasMessageContaining("first cause: NotEnoughReplicasException: only 1 in-sync replica")
                .hasCauseInstanceOf(NotEnoughReplicasException.class);
    }

    @Test
    void given_sending_fails_at_once_when_published_then_the_rest_of_the_batch_is_not_tried_and_all_count_as_failed() {
        AtomicInteger sends = new AtomicInteger();
        MockProducer<String, byte[]> producer =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(
                            ProducerRecord<String, byte[]> record, Callback callback) {
                        // what KafkaProducer does when the topic's metadata did not arrive within max.block.ms
                        sends.incrementAndGet();
                        TimeoutException failure =
                                new TimeoutException("Topic users_created not present in metadata after 200 ms.");
                        callback.onCompletion(null, failure);
                        return java.util.concurrent.CompletableFuture.failedFuture(failure);
                    }
                };
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);

        assertThatThrownBy(() -> publisher.publish(users(100, RUN)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("failed for 100 of 100 users (1 failed, 99 not sent after the first failure)")
                .hasMessageContaining("TimeoutException: Topic users_created not present in metadata");
        assertThat(sends).hasValue(1);
    }

    @Test
    void given_a_user_whose_message_is_over_the_contract_s_limit_when_published_then_it_is_refused_unsent() {
        MockProducer<String, byte[]> producer = mockProducer(true);
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);
        List<UserFetched> batch = List.of(
                aUser().withFirstName("Ann").build(),
                aUser().withFirstName("x".repeat(KafkaSettings.MAX_USER_VALUE_BYTES))
                        .build(),
                aUser().withFirstName("Bob").build());

        List<Refused> refused = publisher.publish(batch);

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.user()).isSameAs(batch.get(1));
            assertThat(r.reason()).matches("its users_created message is \\d+ bytes, more than the 65536 .*");
        });
        assertThat(producer.history())
                .extracting(ProducerRecord::key)
                .containsExactly(
                        batch.get(0).user().id().toString(),
                        batch.get(2).user().id().toString());
    }

    @Test
    void given_kafka_refuses_one_record_as_too_large_when_published_then_that_user_is_returned_and_the_rest_pass() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized void flush() {
                        completeNext();
                        errorNext(new RecordTooLargeException("The request included a message larger than the max"
                                + " message size the server will accept."));
                        completeNext();
                    }
                };
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);
        List<UserFetched> batch = users(3, RUN);

        List<Refused> refused = publisher.publish(batch);

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.user()).isSameAs(batch.get(1));
            assertThat(r.reason())
                    .isEqualTo("Kafka refused it for good: RecordTooLargeException: The request included a message"
                            + " larger than the max message size the server will accept.");
        });
        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void given_batch_mates_fail_with_a_refused_record_when_published_then_they_are_sent_once_more_without_it() {
        AtomicInteger flushes = new AtomicInteger();
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized void flush() {
                        if (flushes.incrementAndGet() == 1) {
                            // what a broker does with a batch holding one invalid record (KIP-467)
                            errorNext(new KafkaException("Failed to append record because it was part of a batch"
                                    + " which had one more more invalid records"));
                            errorNext(new InvalidRecordException("timestamp out of range"));
                            errorNext(new KafkaException("part of a batch which had invalid records"));
                        } else {
                            while (completeNext()) {
                                // every record of the second pass is acknowledged
                            }
                        }
                    }
                };
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);
        List<UserFetched> batch = users(3, RUN);

        List<Refused> refused = publisher.publish(batch);

        assertThat(refused).extracting(Refused::user).containsExactly(batch.get(1));
        assertThat(producer.history())
                .extracting(ProducerRecord::key)
                .containsExactly(
                        key(batch.get(0)), key(batch.get(1)), key(batch.get(2)), key(batch.get(0)), key(batch.get(2)));
    }

    @Test
    void given_a_refusal_and_a_broker_down_when_published_then_the_batch_fails_and_is_retried_whole() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized void flush() {
                        while (errorNext(new RecordTooLargeException("too large"))) {
                            errorNext(new TimeoutException("expired"));
                        }
                    }
                };
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);

        assertThatThrownBy(() -> publisher.publish(users(4, RUN)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("first cause: TimeoutException: expired");
    }

    @Test
    void given_a_closed_publisher_when_publishing_then_it_fails_with_a_publish_error_instead_of_a_kafka_one() {
        MockProducer<String, byte[]> producer = mockProducer(true);
        publisher = new KafkaUserPublisher(SETTINGS, producer, probe);
        publisher.close();

        assertThatThrownBy(() -> publisher.publish(List.of(aUser().build())))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("topic users_created");
        assertThat(probe.closed).isTrue();
    }

    @Test
    void given_the_cluster_answers_when_probed_twice_within_a_second_then_it_is_asked_once() {
        publisher = new KafkaUserPublisher(SETTINGS, mockProducer(true), probe);

        assertThat(publisher.probe()).isEqualTo("ok");
        assertThat(publisher.probe()).isEqualTo("ok");
        assertThat(probe.asked).hasValue(1);
    }

    @Test
    void given_the_publisher_then_its_dependency_name_is_kafka() {
        publisher = new KafkaUserPublisher(SETTINGS, mockProducer(true), probe);

        assertThat(publisher.name()).isEqualTo("kafka");
    }

    /** Stands in for the admin-client probe, which needs a cluster (KafkaUserPublisherIT). */
    private static final class StubProbe implements ClusterProbe {
        final AtomicInteger asked = new AtomicInteger();
        volatile boolean closed;

        @Override
        public String ask() {
            asked.incrementAndGet();
            return "ok";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static MockProducer<String, byte[]> mockProducer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static String key(UserFetched user) {
        return user.user().id().toString();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
