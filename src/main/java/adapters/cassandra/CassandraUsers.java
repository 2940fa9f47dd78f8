package adapters.cassandra;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import application.port.out.ListRunUsersPort;
import application.port.out.LoadPersistedUserPort;
import application.port.out.PersistedUser;
import application.port.out.ProbeDependencyPort;
import application.port.out.UserPageOfRun;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import domain.run.RequestLimits;
import domain.run.RunId;
import domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra adapter: reads the users the Spark sidecar persisted ({@code created_users},
 * {@code users_by_run}) and owns their schema. {@link #connect} applies the schema, so the tables
 * exist before the sidecar's first write. Thread-safe: one instance serves the whole application.
 */
public final class CassandraUsers
        implements LoadPersistedUserPort, ListRunUsersPort, ProbeDependencyPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraUsers.class);
    /** /ready is polled; a probe answering after more than this is as bad as no answer. */
    private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final CqlSession session;
    private final CassandraSettings settings;
    private final PreparedStatement selectUser;
    private final PreparedStatement selectRunUsers;
    private final SimpleStatement probeQuery;

    private CassandraUsers(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.settings = settings;
        String keyspace = settings.keyspace();
        this.selectUser = session.prepare(
                "SELECT " + UserRows.USER_COLUMNS + " FROM " + keyspace + ".created_users WHERE id = ?");
        this.selectRunUsers = session.prepare(
                "SELECT " + UserRows.SUMMARY_COLUMNS + " FROM " + keyspace + ".users_by_run WHERE run_id = ?");
        // reads the adapter's own table: proves the keyspace's replicas answer, not only some node
        Duration probeTimeout = settings.requestTimeout().compareTo(MAX_PROBE_TIMEOUT) < 0
                ? settings.requestTimeout()
                : MAX_PROBE_TIMEOUT;
        this.probeQuery = SimpleStatement.newInstance("SELECT id FROM " + keyspace + ".created_users LIMIT 1")
                .setTimeout(probeTimeout);
    }

    /**
     * Opens a session and brings the keyspace up to the newest schema script.
     *
     * @throws CassandraAccessException when no node answers or the schema cannot be applied
     */
    public static CassandraUsers connect(CassandraSettings settings) {
        Objects.requireNonNull(settings, "settings");
        CqlSession session = openSession(settings);
        try {
            List<SchemaScript> scripts =
                    SchemaScripts.load(CassandraUsers.class.getClassLoader(), SchemaScripts.DIRECTORY);
            List<Integer> applied = new CassandraSchema(session, settings).apply(scripts);
            LOG.info(
                    "Cassandra keyspace {} at {} is at schema version {} (applied now: {})",
                    settings.keyspace(),
                    settings.contactPoints(),
                    scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version(),
                    applied);
            return new CassandraUsers(session, settings);
        } catch (RuntimeException e) {
            session.close();
            if (e instanceof DriverException) {
                throw new CassandraAccessException("cannot prepare the queries on keyspace " + settings.keyspace(), e);
            }
            throw e;
        }
    }

    private static CqlSession openSession(CassandraSettings settings) {
        DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
                .build();
        List<InetSocketAddress> contactPoints = settings.contactPoints().stream()
                .map(p -> new InetSocketAddress(p.host(), p.port()))
                .toList();
        try {
            return CqlSession.builder()
                    .addContactPoints(contactPoints)
                    .withLocalDatacenter(settings.localDatacenter())
                    .withConfigLoader(config)
                    .build();
        } catch (DriverException | IllegalStateException e) {
            throw new CassandraAccessException(
                    "cannot connect to Cassandra at " + settings.contactPoints() + " (local datacenter "
                            + settings.localDatacenter() + ")",
                    e);
        }
    }

    @Override
    public Optional<PersistedUser> loadUser(UserId id) {
        Objects.requireNonNull(id, "id");
        try {
            Row row = session.execute(selectUser.bind(id.value())).one();
            return Optional.ofNullable(row).map(UserRows::fromCreatedUsers);
        } catch (DriverException e) {
            throw new CassandraAccessException(
                    "cannot load user " + id + " from " + settings.keyspace() + ".created_users", e);
        }
    }

    @Override
    public UserPageOfRun listUsers(RunId runId, int pageSize, String pagingState) {
        Objects.requireNonNull(runId, "runId");
        if (pageSize < 1 || pageSize > RequestLimits.MAX_USERS_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "pageSize must be 1.." + RequestLimits.MAX_USERS_PAGE_SIZE + ", was " + pageSize);
        }
        BoundStatement statement = selectRunUsers.bind(runId.value()).setPageSize(pageSize);
        if (pagingState != null) {
            try {
                statement = statement.setPagingState(PagingTokens.decode(pagingState), session);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pagingState is not a page of run " + runId + "'s users", e);
            }
        }
        try {
            ResultSet page = session.execute(statement);
            // only this page: iterating the result set would silently fetch the following pages
            int available = page.getAvailableWithoutFetching();
            List<Row> summaries = new ArrayList<>(available);
            for (int i = 0; i < available; i++) {
                summaries.add(page.one());
            }
            String next = PagingTokens.encode(page.getExecutionInfo().getSafePagingState());
            return new UserPageOfRun(fullRows(summaries), next);
        } catch (DriverException e) {
            throw new CassandraAccessException(
                    "cannot list the users of run " + runId + " from " + settings.keyspace() + ".users_by_run", e);
        }
    }

    /** users_by_run holds a summary; the full rows are point reads, sent at once rather than one by one. */
    private List<PersistedUser> fullRows(List<Row> summaries) {
        List<CompletionStage<AsyncResultSet>> reads = summaries.stream()
                .map(s -> session.executeAsync(selectUser.bind(s.getUuid("id"))))
                .toList();
        List<PersistedUser> users = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            Row full = await(reads.get(i)).one();
            users.add(full != null ? UserRows.fromCreatedUsers(full) : UserRows.fromUsersByRun(summaries.get(i)));
        }
        return users;
    }

    private static AsyncResultSet await(CompletionStage<AsyncResultSet> read) {
        try {
            return read.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DriverException failure) {
                // a copy, so the stack trace shows this caller, not the driver's I/O thread
                throw failure.copy();
            }
            throw e;
        }
    }

    @Override
    public String name() {
        return "cassandra";
    }

    @Override
    public String probe() {
        try {
            session.execute(probeQuery);
            return "ok";
        } catch (RuntimeException e) {
            return "cannot read " + settings.keyspace() + ".created_users at " + settings.contactPoints() + ": "
                    + CassandraAccessException.describe(e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
