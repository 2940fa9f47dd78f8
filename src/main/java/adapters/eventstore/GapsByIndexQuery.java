package adapters.eventstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.ReadEventDataWithGapsStatementBuilder;

/**
 * The outbox's read of the next events when its token carries gaps (global indexes taken by a
 * transaction that had not committed, or never will: one rolled back or killed with the app), as
 * two lookups of the primary key joined by {@code UNION ALL}.
 *
 * <p>Axon's own query asks for {@code (globalIndex > ? AND globalIndex <= ?) OR globalIndex IN
 * (gaps)}: H2 answers an {@code OR} of two conditions with a scan of the whole event table, for
 * every batch. After an app killed mid-run the token keeps the killed pages' thousands of gaps
 * until they time out (a minute), and on a 100k run the outbox crawled at ~125 users/s for ~55 s.
 * The two halves never overlap: every gap lies below the token's index, the range above it.
 */
final class GapsByIndexQuery implements ReadEventDataWithGapsStatementBuilder {

    @Override
    public PreparedStatement build(
            Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(3 + i, gaps.get(i));
        }
        return statement;
    }

    static String sql(EventSchema schema, int gaps) {
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable() + " WHERE ";
        String index = schema.globalIndexColumn();
        return select + index + " > ? AND " + index + " <= ?"
                + " UNION ALL "
                + select + index + " IN (" + String.join(",", Collections.nCopies(gaps, "?")) + ")"
                + " ORDER BY " + index + " ASC";
    }
}
