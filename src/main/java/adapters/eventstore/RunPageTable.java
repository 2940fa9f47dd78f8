package adapters.eventstore;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import domain.run.RunId;

/**
 * The users each run fetched and which of them were reported persisted, one row per stored page
 * (docs/adr/0014): the page's user ids (16 bytes each, in the page's order), a bitmap of those
 * reported persisted, and a bitmap of those counted toward the replay {@code replay}. One row per
 * page instead of one per user: a random user id in a per-user index made H2 rewrite most of that
 * index on every append. Pages are numbered from 1; rows moved here from the per-user tables of
 * older stores have negative numbers ({@link LegacyIdTables}).
 */
final class RunPageTable {

    static final String TABLE = "run_page";
    private static final int ID_BYTES = 16;

    private RunPageTable() {}

    /** The marks of one page: its ids' persisted bits, and the bits counted toward {@code replay}. */
    record Marks(int page, BitSet persisted, int replay, BitSet replayed) {}

    static void create(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "run_id VARCHAR(36) NOT NULL, "
                    + "page INT NOT NULL, "
                    + "user_ids BYTEA NOT NULL, "
                    + "persisted BYTEA NOT NULL, "
                    + "replay INT DEFAULT 0 NOT NULL, "
                    + "replayed BYTEA NOT NULL, "
                    + "PRIMARY KEY (run_id, page))");
        }
    }

    /** Records the stored pages' ids; a page stored again (same run and number) keeps its first row. */
    static void record(Connection connection, List<StoredUserPage> pages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (run_id, page, user_ids, persisted, replay, replayed) SELECT ?, ?, ?, ?, 0, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM " + TABLE + " WHERE run_id = ? AND page = ?)")) {
            for (StoredUserPage page : pages) {
                UUID[] ids =
                        page.users().stream().map(user -> user.id().value()).toArray(UUID[]::new);
                insertRow(insert, page.runId(), page.page(), ids);
            }
            insert.executeBatch();
        }
    }

    static void insertRow(PreparedStatement insert, RunId runId, int page, UUID[] ids) throws SQLException {
        insert.setString(1, runId.toString());
        insert.setInt(2, page);
        insert.setBytes(3, idBytes(ids));
        insert.setBytes(4, new byte[0]);
        insert.setBytes(5, new byte[0]);
        insert.setString(6, runId.toString());
        insert.setInt(7, page);
        insert.addBatch();
    }

    /** The run's page numbers. */
    static List<Integer> pagesOf(Connection connection, RunId runId) throws SQLException {
        List<Integer> pages = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT page FROM " + TABLE + " WHERE run_id = ?")) {
            query.setString(1, runId.toString());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pages.add(rows.getInt(1));
                }
            }
        }
        return pages;
    }

    /** The ids of the run's pages {@code pages}, by page. */
    static Map<Integer, UUID[]> idsOf(Connection connection, RunId runId, Collection<Integer> pages)
            throws SQLException {
        Map<Integer, UUID[]> ids = new HashMap<>();
        forPages(connection, "page, user_ids", runId, pages, row -> ids.put(row.getInt(1), ids(row.getBytes(2))));
        return ids;
    }

    static Map<Integer, Marks> marksOf(Connection connection, RunId runId, Collection<Integer> pages)
            throws SQLException {
        Map<Integer, Marks> marks = new HashMap<>();
        forPages(
                connection,
                "page, persisted, replay, replayed",
                runId,
                pages,
                row -> marks.put(
                        row.getInt(1),
                        new Marks(
                                row.getInt(1),
                                BitSet.valueOf(row.getBytes(2)),
                                row.getInt(3),
                                BitSet.valueOf(row.getBytes(4)))));
        return marks;
    }

    static void updateMarks(Connection connection, RunId runId, Collection<Marks> marks) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + TABLE + " SET persisted = ?, replay = ?, replayed = ? WHERE run_id = ? AND page = ?")) {
            for (Marks page : marks) {
                update.setBytes(1, page.persisted().toByteArray());
                update.setInt(2, page.replay());
                update.setBytes(3, page.replayed().toByteArray());
                update.setString(4, runId.toString());
                update.setInt(5, page.page());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** How many of the run's ids were reported persisted (an id on two pages counts on each). */
    static int persistedCount(Connection connection, RunId runId) throws SQLException {
        int[] count = {0};
        forPages(
                connection,
                "persisted",
                runId,
                null,
                row -> count[0] += BitSet.valueOf(row.getBytes(1)).cardinality());
        return count[0];
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    /** Every row of the run's {@code pages} (null: all its pages), a chunk of page numbers at a time. */
    private static void forPages(Connection connection, String columns, RunId runId, Collection<Integer> pages, Row row)
            throws SQLException {
        List<Integer> all = pages == null ? null : List.copyOf(pages);
        int chunks = all == null ? 1 : (all.size() + UserIdLookup.CHUNK - 1) / UserIdLookup.CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            String sql = "SELECT " + columns + " FROM " + TABLE + " WHERE run_id = ?";
            List<Integer> some = List.of();
            if (all != null) {
                some = all.subList(chunk * UserIdLookup.CHUNK, Math.min(all.size(), (chunk + 1) * UserIdLookup.CHUNK));
                sql += " AND page IN (" + String.join(", ", Collections.nCopies(some.size(), "?")) + ")";
            }
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, runId.toString());
                for (int i = 0; i < some.size(); i++) {
                    query.setInt(i + 2, some.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        row.accept(rows);
                    }
                }
            }
        }
    }

    static byte[] idBytes(UUID[] ids) {
        ByteBuffer bytes = ByteBuffer.allocate(ids.length * ID_BYTES);
        for (UUID id : ids) {
            bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        return bytes.array();
    }

    private static UUID[] ids(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        UUID[] ids = new UUID[bytes.length / ID_BYTES];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = new UUID(in.getLong(), in.getLong());
        }
        return ids;
    }
}
