package sidecar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;

/** The executor-side part of a micro-batch, without Spark or Kafka (valid records need no producer). */
class UsersBatchWriterTest {

    private static final String RUN = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

    private static Row kafkaRow(int partition, long offset, String json) {
        return RowFactory.create("k".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8),
                "users_created", partition, offset);
    }

    private static String user(String id, String firstName) {
        return "{\"schema_version\":1,\"id\":\"" + id + "\",\"first_name\":\"" + firstName + "\",\"last_name\":null,"
                + "\"gender\":null,\"address\":null,\"post_code\":null,\"email\":null,\"username\":null,\"dob\":null,"
                + "\"registered_date\":null,\"phone\":null,\"picture\":null,\"nationality\":\"NO\",\"run_id\":\"" + RUN
                + "\",\"fetched_at\":\"2026-11-25T10:00:01.250Z\"}";
    }

    @Test
    void given_the_same_id_twice_in_a_partition_when_parsed_then_one_row_with_the_later_offset_wins() throws Exception {
        String a = "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098";
        String b = "5b7e1f0c-2d3a-4b9c-8e6f-1a2b3c4d5e6f";
        LongAccumulator records = new LongAccumulator();
        LongAccumulator valid = new LongAccumulator();
        LongAccumulator invalid = new LongAccumulator();
        var parse = new UsersBatchWriter.ParsePartition("127.0.0.1:1", "dlq", records, valid, invalid);

        Iterator<Row> out = parse.call(List.of(kafkaRow(0, 10, user(a, "old")), kafkaRow(0, 11, user(b, "b")),
                kafkaRow(0, 12, user(a, "new"))).iterator());

        List<Row> rows = new ArrayList<>();
        out.forEachRemaining(rows::add);
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.getString(0) + "=" + r.getString(1)).containsExactly(b + "=b", a + "=new");
        assertThat(records.value()).isEqualTo(3);
        assertThat(valid.value()).isEqualTo(3);
        assertThat(invalid.value()).isZero();
    }

    @Test
    void given_a_row_when_converted_then_its_values_follow_the_schema_columns() throws Exception {
        var parse = new UsersBatchWriter.ParsePartition("127.0.0.1:1", "dlq", new LongAccumulator(),
                new LongAccumulator(), new LongAccumulator());

        Row row = parse.call(List.of(kafkaRow(1, 0, user("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098", "Ægir"))).iterator())
                .next();

        assertThat(row.length()).isEqualTo(UsersBatchWriter.ROW_SCHEMA.size());
        assertThat(row.getString(UsersBatchWriter.ROW_SCHEMA.fieldIndex("first_name"))).isEqualTo("Ægir");
        assertThat(row.getString(UsersBatchWriter.ROW_SCHEMA.fieldIndex("run_id"))).isEqualTo(RUN);
        assertThat(row.getString(UsersBatchWriter.ROW_SCHEMA.fieldIndex("nationality"))).isEqualTo("NO");
        assertThat(row.get(UsersBatchWriter.ROW_SCHEMA.fieldIndex("fetched_at")))
                .isEqualTo(java.sql.Timestamp.from(java.time.Instant.parse("2026-11-25T10:00:01.250Z")));
        assertThat(row.get(UsersBatchWriter.ROW_SCHEMA.fieldIndex("dob"))).isNull();
    }
}
