package sidecar;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.apache.spark.sql.Row;
import sidecar.record.DeadLetter;
import sidecar.record.OriginalValue;
import sidecar.record.Parsed;
import sidecar.record.UserRecordParser;
import sidecar.record.UserRow;

/**
 * Executor side, no I/O: one task's slice of a micro-batch (Kafka columns {@code key}, {@code value},
 * {@code topic}, {@code partition}, {@code offset}) split into valid users, de-duplicated by id, and
 * rejected records with their reason and coordinates for the dead-letter topic.
 *
 * <p>Bounded in bytes as well as records: {@link #chunks} hands the slice over in chunks of at most
 * {@link #MAX_CHUNK_RECORDS} records or {@link #MAX_CHUNK_BYTES} of kept values, whichever comes first,
 * so a task holds one chunk at a time however many offsets its micro-batch has. A rejected record keeps
 * only what its dead letter needs ({@link OriginalValue}), never its whole value.
 */
final class PartitionParser {

    /** Records of one chunk: a few MiB of users at ~600 bytes each. */
    static final int MAX_CHUNK_RECORDS = 5_000;
    /** Value bytes one chunk keeps: what bounds a task's memory when records are large. */
    static final long MAX_CHUNK_BYTES = 8L * 1024 * 1024;

    /** A record that breaks the contract, with what the dead letter must carry. */
    record Rejected(byte[] key, OriginalValue original, String reason, String topic, int partition, long offset) {}

    /** Where a valid user came from, and its value: what a dead letter needs if Cassandra refuses the user. */
    record Source(byte[] key, byte[] value, String topic, int partition, long offset) {

        Rejected rejected(String reason) {
            return new Rejected(DeadLetter.key(key), OriginalValue.of(value), reason, topic, partition, offset);
        }
    }

    /**
     * @param users    valid users, one per (Kafka partition, id): the record with the highest offset wins,
     *                 and the list keeps the offset order of the survivors
     * @param sources  the source of each user, same index
     * @param rejected invalid records in offset order
     * @param records  how many records came in
     */
    record ParsedPartition(List<UserRow> users, List<Source> sources, List<Rejected> rejected, long records) {}

    private PartitionParser() {}

    /** The whole slice as one chunk: for callers that know it is small (tests). */
    static ParsedPartition parse(Iterator<Row> input) {
        return new Chunker(input, Integer.MAX_VALUE, Long.MAX_VALUE).next();
    }

    /**
     * The slice in chunks, in offset order; each chunk de-duplicated within itself. Writing the chunks
     * one after the other keeps "the highest offset wins" across chunks too.
     */
    static Iterator<ParsedPartition> chunks(Iterator<Row> input, int maxRecords, long maxBytes) {
        return new Chunker(input, maxRecords, maxBytes);
    }

    /** The run id of a user as the announcement carries it, or null for a seed-shaped message. */
    static String runIdOf(UserRow user) {
        UUID run = user.runId();
        return run == null ? null : run.toString();
    }

    private static final class Chunker implements Iterator<ParsedPartition> {
        private final Iterator<Row> input;
        private final int maxRecords;
        private final long maxBytes;
        private boolean first = true;

        Chunker(Iterator<Row> input, int maxRecords, long maxBytes) {
            this.input = input;
            this.maxRecords = maxRecords;
            this.maxBytes = maxBytes;
        }

        @Override
        public boolean hasNext() {
            // an empty slice is still one (empty) chunk, so a caller always gets its counters
            return first || input.hasNext();
        }

        @Override
        public ParsedPartition next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            first = false;
            Map<String, Integer> latest = new LinkedHashMap<>();
            List<UserRow> users = new ArrayList<>();
            List<Source> sources = new ArrayList<>();
            List<Rejected> rejected = new ArrayList<>();
            long records = 0;
            long bytes = 0;
            while (records < maxRecords && bytes < maxBytes && input.hasNext()) {
                Row row = input.next();
                records++;
                byte[] key = row.isNullAt(0) ? null : (byte[]) row.get(0);
                byte[] value = row.isNullAt(1) ? null : (byte[]) row.get(1);
                String topic = row.getString(2);
                int partition = row.getInt(3);
                long offset = row.getLong(4);
                Parsed parsed = value == null
                        ? new Parsed.Invalid(
                                "record has no value (a tombstone): a users_created message is a JSON" + " object")
                        : UserRecordParser.parse(value);
                if (parsed instanceof Parsed.Valid ok) {
                    String k = partition + "/" + ok.row().id();
                    Integer earlier = latest.remove(k);
                    if (earlier != null) {
                        // the later offset wins; the earlier copy's slot stays, emptied, until the chunk ends
                        users.set(earlier, null);
                        sources.set(earlier, null);
                    }
                    latest.put(k, users.size());
                    users.add(ok.row());
                    sources.add(new Source(key, value, topic, partition, offset));
                    bytes += value.length;
                } else {
                    Rejected r = new Rejected(
                            DeadLetter.key(key),
                            OriginalValue.of(value),
                            ((Parsed.Invalid) parsed).reason(),
                            topic,
                            partition,
                            offset);
                    rejected.add(r);
                    bytes += r.original() == null ? 0 : r.original().kept().length;
                }
            }
            List<UserRow> keptUsers = new ArrayList<>(latest.size());
            List<Source> keptSources = new ArrayList<>(latest.size());
            for (int i = 0; i < users.size(); i++) {
                if (users.get(i) != null) {
                    keptUsers.add(users.get(i));
                    keptSources.add(sources.get(i));
                }
            }
            return new ParsedPartition(keptUsers, keptSources, rejected, records);
        }
    }
}
