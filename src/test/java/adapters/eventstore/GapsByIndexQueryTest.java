package adapters.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.LongStream;

import domain.run.RunId;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GapsByIndexQueryTest {

    /** A killed page of 5,000 users leaves about that many gaps in the outbox's token. */
    private static final List<Long> GAPS =
            LongStream.rangeClosed(2, 4_001).boxed().toList();

    /** H2's plan names the index it uses and, when it looks rows up by it, the condition. */
    private static final String KEY_LOOKUP = "PRIMARY_KEY_\\w+: globalindex";

    @TempDir
    Path directory;

    @Test
    void given_a_token_with_thousands_of_gaps_when_the_outbox_reads_on_then_h2_looks_the_rows_up_by_key() {
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            String plan = plan(
                    store, (connection, schema) -> new GapsByIndexQuery().build(connection, schema, 5_000, 100, GAPS));

            assertThat(plan).containsPattern(KEY_LOOKUP + " > \\?1").containsPattern(KEY_LOOKUP + " IN\\(\\?3, \\?4");
        }
    }

    @Test
    void given_axons_own_query_for_gaps_then_h2_reads_the_whole_table_for_every_batch() {
        // why GapsByIndexQuery exists: after a restart this read ran for every batch of 100 events
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            String plan = plan(
                    store,
                    (connection, schema) -> JdbcEventStorageEngineStatements.readEventDataWithGaps(
                            connection, schema, 5_000, 100, GAPS));

            // the key, but no condition on it: every row in the key's order, filtered one by one
            assertThat(plan).containsPattern("PRIMARY_KEY_\\w+ \\*/").doesNotContainPattern(KEY_LOOKUP);
        }
    }

    @Test
    void given_gaps_below_the_token_and_events_above_it_then_both_are_read_in_the_order_of_the_index() {
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(directory))) {
            store.appendRunEvents().append(run, 0, List.of(AxonEventStoreTest.requested(run)), List.of());
            store.appendRunEvents()
                    .append(
                            run,
                            1,
                            List.of(new domain.event.PageStored(run, 1, 2, 1)),
                            AxonEventStoreTest.usersOfPage(run, 1));
            store.appendRunEvents()
                    .append(
                            run,
                            2,
                            List.of(new domain.event.PageStored(run, 2, 2, 1)),
                            AxonEventStoreTest.usersOfPage(run, 2));
            List<TrackedEventMessage<?>> all = StoredEvents.trackedAfter(store, null);
            List<Long> indexes = all.stream()
                    .map(event -> ((GapAwareTrackingToken) event.trackingToken()).getIndex())
                    .toList();

            // a token at the 4th event that never saw the 2nd and 3rd (they committed late)
            GapAwareTrackingToken token =
                    GapAwareTrackingToken.newInstance(indexes.get(3), List.of(indexes.get(1), indexes.get(2)));

            List<Object> expected = new java.util.ArrayList<>();
            expected.add(all.get(1).getPayload());
            expected.add(all.get(2).getPayload());
            all.subList(4, all.size()).forEach(event -> expected.add(event.getPayload()));
            assertThat(all).hasSizeGreaterThan(4);
            assertThat(StoredEvents.trackedAfter(store, token))
                    .<Object>extracting(TrackedEventMessage::getPayload)
                    .containsExactlyElementsOf(expected);
        }
    }

    private interface Statement {
        PreparedStatement prepare(
                java.sql.Connection connection, org.axonframework.eventsourcing.eventstore.jdbc.EventSchema schema)
                throws java.sql.SQLException;
    }

    /** H2's plan of the statement (names unquoted), with its parameters bound: EXPLAIN of the same text and values. */
    private static String plan(AxonEventStore store, Statement statement) {
        return store.database().withConnection(connection -> {
            try (PreparedStatement query = statement.prepare(connection, EventStoreSchema.EVENTS);
                    PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sqlOf(query))) {
                int parameters = explain.getParameterMetaData().getParameterCount();
                for (int i = 1; i <= parameters; i++) {
                    explain.setLong(i, i);
                }
                try (ResultSet rows = explain.executeQuery()) {
                    rows.next();
                    return rows.getString(1).replace("\"", "");
                }
            }
        });
    }

    /** H2 prints a prepared statement as {@code prepN: SQL {1: ...}}. */
    private static String sqlOf(PreparedStatement query) {
        String text = query.toString();
        String sql = text.substring(text.indexOf(": ") + 2);
        int parameters = sql.lastIndexOf(" {1:");
        return parameters < 0 ? sql : sql.substring(0, parameters);
    }
}
