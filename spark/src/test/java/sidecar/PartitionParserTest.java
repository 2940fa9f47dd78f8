package sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import sidecar.record.UserRow;

/** The executor-side parse of a micro-batch slice, without Spark, Kafka or Cassandra. */
class PartitionParserTest {

    private static final String RUN = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    private static Row kafkaRow(int partition, long offset, String json) {
        return RowFactory.create(
                "k".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8),
                "users_created",
                partition,
                offset);
    }

    private static String user(String id, String firstName) {
        return "{\"schema_version\":1,\"id\":\"" + id + "\",\"first_name\":\"" + firstName + "\",\"last_name\":null,"
                + "\"gender\":null,\"address\":null,\"post_code\":null,\"email\":null,\"username\":null,\"dob\":null,"
                + "\"registered_date\":null,\"phone\":null,\"picture\":null,\"nationality\":\"NO\",\"run_id\":\"" + RUN
                + "\",\"fetched_at\":\"2026-11-25T10:00:01.250Z\"}";
    }

    @Test
    void given_the_same_id_twice_in_a_partition_when_parsed_then_one_user_with_the_later_offset_wins() {
        String a = "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098";
        String b = "5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f";

        var parsed = PartitionParser.parse(
                List.of(kafkaRow(0, 10, user(a, "old")), kafkaRow(0, 11, user(b, "b")), kafkaRow(0, 12, user(a, "new")))
                        .iterator());

        assertThat(parsed.users()).extracting(u -> u.id() + "=" + u.firstName()).containsExactly(b + "=b", a + "=new");
        assertThat(parsed.records()).isEqualTo(3);
        assertThat(parsed.rejected()).isEmpty();
    }

    @Test
    void given_the_same_id_in_two_partitions_when_parsed_then_each_partition_keeps_its_copy() {
        String a = "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098";

        var parsed = PartitionParser.parse(List.of(kafkaRow(0, 10, user(a, "p0")), kafkaRow(1, 3, user(a, "p1")))
                .iterator());

        assertThat(parsed.users()).extracting(UserRow::firstName).containsExactly("p0", "p1");
    }

    @Test
    void given_garbage_and_a_tombstone_when_parsed_then_both_are_rejected_with_reason_and_coordinates() {
        Row tombstone = RowFactory.create("k".getBytes(StandardCharsets.UTF_8), null, "users_created", 2, 41L);

        var parsed = PartitionParser.parse(List.of(
                        kafkaRow(2, 40, "not json"),
                        tombstone,
                        kafkaRow(2, 42, user("5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f", "ok")))
                .iterator());

        assertThat(parsed.users()).hasSize(1);
        assertThat(parsed.rejected())
                .extracting(PartitionParser.Rejected::offset)
                .containsExactly(40L, 41L);
        assertThat(parsed.rejected())
                .extracting(PartitionParser.Rejected::reason)
                .allSatisfy(reason -> assertThat(reason).isNotBlank())
                .contains("record has no value (a tombstone): a users_created message is a JSON object");
        assertThat(parsed.rejected().get(0).original().kept()).isEqualTo("not json".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.rejected().get(1).original()).isNull();
        assertThat(parsed.rejected())
                .extracting(PartitionParser.Rejected::topic)
                .containsOnly("users_created");
    }

    @Test
    void given_a_contract_user_when_parsed_then_the_announcement_carries_its_run_id() {
        var parsed = PartitionParser.parse(List.of(kafkaRow(1, 0, user("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098", "Ægir")))
                .iterator());

        UserRow row = parsed.users().get(0);
        assertThat(row.firstName()).isEqualTo("Ægir");
        assertThat(PartitionParser.runIdOf(row)).isEqualTo(RUN);
        assertThat(row.nationality()).isEqualTo("NO");
        assertThat(row.fetchedAt()).isEqualTo(java.time.Instant.parse("2026-11-25T10:00:01.250Z"));
        assertThat(row.dob()).isNull();
    }

    @Test
    void given_more_records_than_a_chunk_holds_when_chunked_then_each_chunk_has_at_most_that_many_in_offset_order() {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(kafkaRow(0, i, user(new java.util.UUID(1, i).toString(), "u" + i)));
        }

        List<PartitionParser.ParsedPartition> chunks = chunks(rows, 3, Long.MAX_VALUE);

        assertThat(chunks).extracting(PartitionParser.ParsedPartition::records).containsExactly(3L, 3L, 1L);
        assertThat(chunks.get(1).users()).extracting(UserRow::firstName).containsExactly("u3", "u4", "u5");
        assertThat(chunks.get(1).sources())
                .extracting(PartitionParser.Source::offset)
                .containsExactly(3L, 4L, 5L);
    }

    @Test
    void given_large_values_when_chunked_then_a_chunk_closes_once_it_holds_its_bytes() {
        String big = "x".repeat(40_000);
        List<Row> rows = List.of(
                kafkaRow(0, 0, user("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098", big)),
                kafkaRow(0, 1, user("5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f", big)),
                kafkaRow(0, 2, user("6b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f", big)));

        List<PartitionParser.ParsedPartition> chunks = chunks(rows, 1_000, 50_000);

        assertThat(chunks).extracting(PartitionParser.ParsedPartition::records).containsExactly(2L, 1L);
    }

    @Test
    void given_a_2_mb_value_when_parsed_then_only_its_dead_letter_part_is_kept_with_length_and_hash() {
        byte[] huge = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Row row = RowFactory.create(new byte[5_000], huge, "users_created", 1, 9L);

        var parsed = PartitionParser.parse(List.of(row).iterator());

        PartitionParser.Rejected rejected = parsed.rejected().get(0);
        assertThat(rejected.reason()).startsWith("value too large: 2097152 bytes");
        assertThat(rejected.original().kept()).hasSize(16 * 1024);
        assertThat(rejected.original().length()).isEqualTo(huge.length);
        assertThat(rejected.original().truncated()).isTrue();
        assertThat(rejected.key()).hasSize(1024);
    }

    @Test
    void given_an_empty_slice_when_chunked_then_one_empty_chunk_carries_the_counters() {
        List<PartitionParser.ParsedPartition> chunks = chunks(List.of(), 10, 10);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.records()).isZero();
            assertThat(c.users()).isEmpty();
        });
    }

    private static List<PartitionParser.ParsedPartition> chunks(List<Row> rows, int maxRecords, long maxBytes) {
        List<PartitionParser.ParsedPartition> chunks = new java.util.ArrayList<>();
        PartitionParser.chunks(rows.iterator(), maxRecords, maxBytes).forEachRemaining(chunks::add);
        return chunks;
    }
}
