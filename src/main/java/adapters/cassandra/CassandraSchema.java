package adapters.cassandra;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a keyspace up to the newest schema script: runs each script not yet in
 * {@code schema_version}, then records it. Scripts are idempotent (IF NOT EXISTS), so a crash
 * between running and recording, or two instances starting at once, only repeats harmless work.
 */
final class CassandraSchema {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSchema.class);

    /** Creating a table takes seconds on a loaded node: far longer than a read may. */
    private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration AGREEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final CqlSession session;
    private final CassandraSettings settings;
    private final Duration ddlTimeout;

    CassandraSchema(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.settings = settings;
        this.ddlTimeout =
                settings.requestTimeout().compareTo(DDL_TIMEOUT) > 0 ? settings.requestTimeout() : DDL_TIMEOUT;
    }

    /** @return the versions this call applied (empty when the schema was already current) */
    List<Integer> apply(List<SchemaScript> scripts) {
        Set<Integer> applied = appliedVersions();
        Map<String, String> values = Map.of(
                "KEYSPACE", settings.keyspace(),
                "REPLICATION", settings.replication().cql());
        List<SchemaScript> pending =
                scripts.stream().filter(s -> !applied.contains(s.version())).toList();
        for (SchemaScript script : pending) {
            for (String statement : script.statements(values)) {
                executeDdl(script, statement);
            }
            record(script);
            LOG.info("Applied Cassandra schema script {} to keyspace {}", script.name(), settings.keyspace());
        }
        return pending.stream().map(SchemaScript::version).toList();
    }

    private Set<Integer> appliedVersions() {
        try {
            ResultSet rows = session.execute(
                    SimpleStatement.newInstance("SELECT version FROM " + settings.keyspace() + ".schema_version")
                            .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
            Set<Integer> versions = new HashSet<>();
            for (Row row : rows) {
                versions.add(row.getInt("version"));
            }
            return versions;
        } catch (InvalidQueryException e) {
            // no keyspace or no schema_version table yet: nothing applied
            return Set.of();
        } catch (DriverException e) {
            throw new CassandraAccessException("cannot read " + settings.keyspace() + ".schema_version", e);
        }
    }

    private void executeDdl(SchemaScript script, String statement) {
        try {
            ResultSet result =
                    session.execute(SimpleStatement.newInstance(statement).setTimeout(ddlTimeout));
            if (!result.getExecutionInfo().isSchemaInAgreement()) {
                awaitAgreement(script);
            }
        } catch (DriverException e) {
            throw new CassandraAccessException(
                    "schema script " + script.name() + " failed on keyspace " + settings.keyspace() + " at '"
                            + firstLine(statement) + "'",
                    e);
        }
    }

    /**
     * The driver already waits a while after each DDL; when that was not enough, the next statement
     * could hit a node that does not know the table yet, so wait longer before going on.
     */
    private void awaitAgreement(SchemaScript script) {
        long deadline = System.nanoTime() + AGREEMENT_TIMEOUT.toNanos();
        while (!session.checkSchemaAgreement()) {
            if (System.nanoTime() > deadline) {
                throw new CassandraAccessException(
                        "schema script " + script.name() + ": the nodes did not agree on" + " the schema within "
                                + AGREEMENT_TIMEOUT.toSeconds() + " s (is a node down?)",
                        null);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CassandraAccessException(
                        "interrupted waiting for schema agreement after " + script.name(), e);
            }
        }
    }

    private void record(SchemaScript script) {
        try {
            session.execute(SimpleStatement.newInstance(
                            "INSERT INTO " + settings.keyspace()
                                    + ".schema_version (version, applied_at, script) VALUES (?, ?, ?)",
                            script.version(),
                            Instant.now(),
                            script.name())
                    .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
        } catch (DriverException e) {
            throw new CassandraAccessException(
                    "schema script " + script.name() + " ran but could not be recorded in " + settings.keyspace()
                            + ".schema_version",
                    e);
        }
    }

    private static String firstLine(String statement) {
        int end = statement.indexOf('\n');
        return end < 0 ? statement : statement.substring(0, end);
    }
}
