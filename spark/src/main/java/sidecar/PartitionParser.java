package sidecar;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.spark.sql.Row;

import sidecar.record.Parsed;
import sidecar.record.UserRecordParser;
import sidecar.record.UserRow;

/**
 * Executor side, no I/O: one task's slice of a micro-batch (Kafka columns {@code key}, {@code value},
 * {@code topic}, {@code partition}, {@code offset}) split into valid users, de-duplicated by id, and
 * rejected records with their reason and coordinates for the dead-letter topic.
 */
final class PartitionParser {

    /** A record that breaks the contract, with what the dead letter must carry. */
    record Rejected(byte[] key, byte[] value, String reason, String topic, int partition, long offset) {
    }

    /**
     * @param users    valid users, one per (Kafka partition, id): the record with the highest offset wins,
     *                 and the list keeps the offset order of the survivors
     * @param rejected invalid records in offset order
     * @param records  how many records came in
     */
    record ParsedPartition(List<UserRow> users, List<Rejected> rejected, long records) {
    }

    private PartitionParser() {
    }

    static ParsedPartition parse(Iterator<Row> input) {
        Map<String, UserRow> latest = new LinkedHashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        long records = 0;
        while (input.hasNext()) {
            Row row = input.next();
            records++;
            byte[] key = row.isNullAt(0) ? null : (byte[]) row.get(0);
            byte[] value = row.isNullAt(1) ? null : (byte[]) row.get(1);
            int partition = row.getInt(3);
            Parsed parsed = value == null ? new Parsed.Invalid("record has no value") : UserRecordParser.parse(value);
            if (parsed instanceof Parsed.Valid ok) {
                String k = partition + "/" + ok.row().id();
                latest.remove(k); // re-inserting moves the survivor to its latest offset
                latest.put(k, ok.row());
            } else {
                rejected.add(new Rejected(key, value, ((Parsed.Invalid) parsed).reason(), row.getString(2), partition,
                        row.getLong(4)));
            }
        }
        return new ParsedPartition(new ArrayList<>(latest.values()), rejected, records);
    }

    /** The run id of a user as the announcement carries it, or null for a seed-shaped message. */
    static String runIdOf(UserRow user) {
        UUID run = user.runId();
        return run == null ? null : run.toString();
    }
}
