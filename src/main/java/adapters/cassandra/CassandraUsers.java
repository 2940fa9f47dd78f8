package adapters.cassandra;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import application.port.out.ListRunUsersPort;
import application.port.out.LoadPersistedUserPort;
import application.port.out.PersistedUser;
import application.port.out.ProbeDependencyPort;
import application.port.out.UserPageOfRun;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
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
    /** Full-row reads of one users page in flight at once. */
    static final int MAX_READS_PER_PAGE = 32;
    /**
     * Requests of the whole session in flight at once (the driver's throttler), the rest queued up to
     * {@link #MAX_QUEUED_REQUESTS}: several pages at once and the probes stay within it.
     */
    static final int MAX_CONCURRENT_REQUESTS = 128;

    static final int MAX_QUEUED_REQUESTS = 10_000;

    private final CqlSession session;
    private final CassandraSettings settings;
    private final PreparedStatement selectUser;
    private final CassandraRunUserRows.RunStatements runStatements;
    private final SimpleStatement probeQuery;
    private final PagingTokens pagingTokens;
    private final BoundedReads fullRowReads = new BoundedReads(MAX_READS_PER_PAGE);

    private CassandraUsers(CqlSession session, CassandraSettings settings) {
        this.session = session;
        this.settings = settings;
        this.pagingTokens = PagingTokens.of(settings);
        String keyspace = settings.keyspace();
        this.runStatements = CassandraRunUserRows.RunStatements.prepare(session, keyspace);
        this.selectUser = runStatements.user();
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
        DriverConfigLoader config = driverConfig(settings).build();
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

    /**
     * The driver's settings: the request timeout, the throttler that bounds the session's requests,
     * and the login and TLS of {@link CassandraSettings#security()}.
     */
    static ProgrammaticDriverConfigLoaderBuilder driverConfig(CassandraSettings settings) {
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, settings.requestTimeout())
                .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, ConcurrencyLimitingRequestThrottler.class)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS)
                .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, MAX_QUEUED_REQUESTS);
        return CassandraSecurityConfig.apply(config, settings.security());
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
        UUID after = pagingState == null ? null : pagingTokens.decode(runId, pagingState);
        BudgetedUserPages<Row> pages = new BudgetedUserPages<>(
                new CassandraRunUserRows(session, runStatements, fullRowReads, runId),
                BudgetedUserPages.MAX_PAGE_BYTES,
                fullRowReads.limit());
        try {
            BudgetedUserPages.Page page = pages.page(after, pageSize);
            return new UserPageOfRun(page.users(), pagingTokens.encode(runId, page.resumeAfter()));
        } catch (DriverException e) {
            throw new CassandraAccessException(
                    "cannot list the users of run " + runId + " from " + settings.keyspace() + ".users_by_run", e);
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
