package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import application.port.out.PersistedUser;
import application.port.out.UserPageOfRun;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import embedded.EmbeddedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import testsupport.SharedCluster;

@ExtendWith(SharedCluster.class)
class CassandraUsersIT {

    /** Own keyspace: other test classes share the cluster, and rows of a run must be only ours. */
    private static final String KEYSPACE =
            "it_users_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static CassandraSettings settings;
    private static CassandraUsers users;
    private static CqlSession sidecar;

    @BeforeAll
    static void connect(EmbeddedCluster cluster) {
        settings = CassandraSettings.defaults(cluster.cassandraContactPoint().getHostString() + ":"
                        + cluster.cassandraContactPoint().getPort())
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .withKeyspace(KEYSPACE)
                .withRequestTimeout(Duration.ofSeconds(10));
        users = CassandraUsers.connect(settings);
        // plays the Spark sidecar: writes with plain CQL, knowing nothing of the adapter
        sidecar = CqlSession.builder()
                .addContactPoint(cluster.cassandraContactPoint())
                .withLocalDatacenter(cluster.cassandraDatacenter())
                .build();
    }

    @AfterAll
    static void close() {
        if (users != null) {
            users.close();
        }
        if (sidecar != null) {
            sidecar.close();
        }
    }

    @Test
    void given_an_applied_schema_when_connecting_again_then_each_script_is_recorded_once_and_not_re_applied() {
        Map<Integer, Instant> before = appliedAt();

        try (CassandraUsers again = CassandraUsers.connect(settings)) {
            assertThat(again.probe()).isEqualTo("ok");
        }

        List<Row> versions = sidecar.execute("SELECT version, applied_at, script FROM " + KEYSPACE + ".schema_version")
                .all();
        assertThat(versions)
                .extracting(row -> row.getString("script"))
                .containsExactlyInAnyOrder("V1__users.cql", "V2__field_problems.cql");
        assertThat(appliedAt()).isEqualTo(before);
        assertThat(sidecar.getMetadata()
                        .getKeyspace(KEYSPACE)
                        .flatMap(keyspace -> keyspace.getTable("created_users"))
                        .flatMap(table -> table.getColumn("field_problems"))
                        .orElseThrow()
                        .getType()
                        .asCql(true, false))
                .isEqualTo("frozen<list<text>>");
        assertThat(sidecar.getMetadata()
                        .getKeyspace(KEYSPACE)
                        .orElseThrow()
                        .getTables()
                        .keySet())
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("created_users", "users_by_run", "schema_version");
    }

    private Map<Integer, Instant> appliedAt() {
        Map<Integer, Instant> applied = new TreeMap<>();
        sidecar.execute("SELECT version, applied_at FROM " + KEYSPACE + ".schema_version")
                .forEach(row -> applied.put(row.getInt("version"), row.getInstant("applied_at")));
        return applied;
    }

    @Test
    void given_a_row_written_by_the_sidecar_when_loaded_then_every_column_has_its_java_type() {
        UUID id = UUID.randomUUID();
        UUID runId = UUID.randomUUID();
        Instant dob = Instant.parse("1993-07-20T09:44:18.674Z");
        Instant registered = Instant.parse("2014-03-02T11:05:40.123Z");
        Instant fetched = Instant.parse("2026-11-25T10:00:01.250Z");
        Instant persisted = Instant.parse("2026-11-25T10:00:04.902Z");
        sidecar.execute(sidecar.prepare(
                        "INSERT INTO " + KEYSPACE + ".created_users (id, first_name, last_name, gender,"
                                + " address, post_code, email, username, dob, registered_date, phone, picture, run_id,"
                                + " nationality, fetched_at, persisted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(
                        id,
                        "Ægir",
                        "Ødegård",
                        "male",
                        "4312 Kirkeveien, Kvinesdal, Østfold, Norway",
                        "4480",
                        "aegir.odegard@example.com",
                        "bluebird123",
                        dob,
                        registered,
                        "(272) 790-0888",
                        "https://randomuser.me/api/portraits/med/men/54.jpg",
                        runId,
                        "NO",
                        fetched,
                        persisted));

        assertThat(users.loadUser(new UserId(id)))
                .contains(new PersistedUser(
                        new User(
                                new UserId(id),
                                "Ægir",
                                "Ødegård",
                                "male",
                                "4312 Kirkeveien, Kvinesdal, Østfold, Norway",
                                "4480",
                                "aegir.odegard@example.com",
                                "bluebird123",
                                dob,
                                registered,
                                "(272) 790-0888",
                                "https://randomuser.me/api/portraits/med/men/54.jpg",
                                "NO"),
                        new RunId(runId),
                        fetched,
                        persisted));
    }

    @Test
    void given_a_row_with_only_an_id_when_loaded_then_the_other_fields_are_null() {
        UUID id = UUID.randomUUID();
        sidecar.execute(sidecar.prepare("INSERT INTO " + KEYSPACE + ".created_users (id) VALUES (?)")
                .bind(id));

        PersistedUser user = users.loadUser(new UserId(id)).orElseThrow();

        assertThat(user.runId()).isNull();
        assertThat(user.user().dob()).isNull();
        assertThat(user.user().firstName()).isNull();
    }

    @Test
    void given_an_unknown_id_when_loaded_then_empty() {
        assertThat(users.loadUser(new UserId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void given_25_users_of_a_run_when_listed_10_at_a_time_then_pages_of_10_10_5_and_no_token_after_the_last() {
        RunId run = RunId.random();
        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            UUID id = UUID.randomUUID();
            written.add(id);
            writeUserOfRun(id, run.value(), "user" + i);
        }
        writeUserOfRun(UUID.randomUUID(), UUID.randomUUID(), "other run");

        UserPageOfRun first = users.listUsers(run, 10, null);
        UserPageOfRun second = users.listUsers(run, 10, first.nextPagingState());
        UserPageOfRun third = users.listUsers(run, 10, second.nextPagingState());

        assertThat(List.of(
                        first.users().size(),
                        second.users().size(),
                        third.users().size()))
                .containsExactly(10, 10, 5);
        assertThat(first.nextPagingState()).isNotNull().matches("[A-Za-z0-9_-]+");
        assertThat(second.nextPagingState()).isNotNull();
        assertThat(third.nextPagingState()).isNull();
        List<PersistedUser> all = new ArrayList<>(first.users());
        all.addAll(second.users());
        all.addAll(third.users());
        assertThat(all).extracting(u -> u.id().value()).containsExactlyInAnyOrderElementsOf(written);
        assertThat(all).allSatisfy(u -> {
            assertThat(u.runId()).isEqualTo(run);
            assertThat(u.fetchedAt()).isNotNull(); // full created_users rows, not only the summary
        });
    }

    @Test
    void given_a_token_of_another_run_when_listing_then_it_is_refused_as_a_client_error() {
        RunId run = RunId.random();
        for (int i = 0; i < 3; i++) {
            writeUserOfRun(UUID.randomUUID(), run.value(), "user" + i);
        }
        String token = users.listUsers(run, 2, null).nextPagingState();

        assertThatThrownBy(() -> users.listUsers(RunId.random(), 2, token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page token");
        assertThatThrownBy(() -> users.listUsers(run, 2, "not*base64"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page token");
        assertThatThrownBy(() -> users.listUsers(run, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pageSize");
    }

    @Test
    void given_a_user_only_in_users_by_run_when_listed_then_its_summary_is_listed_not_hidden() {
        RunId run = RunId.random();
        UUID id = UUID.randomUUID();
        sidecar.execute(sidecar.prepare("INSERT INTO " + KEYSPACE + ".users_by_run (run_id, id, first_name, email)"
                        + " VALUES (?, ?, 'Ægir', 'a@example.com')")
                .bind(run.value(), id));

        assertThat(users.listUsers(run, 10, null).users()).singleElement().satisfies(user -> {
            assertThat(user.id()).isEqualTo(new UserId(id));
            assertThat(user.user().firstName()).isEqualTo("Ægir");
            assertThat(user.user().email()).isEqualTo("a@example.com");
            assertThat(user.runId()).isEqualTo(run);
            assertThat(user.fetchedAt()).isNull();
        });
    }

    @Test
    void given_a_run_without_users_when_listed_then_an_empty_last_page() {
        UserPageOfRun page = users.listUsers(RunId.random(), 10, null);

        assertThat(page.users()).isEmpty();
        assertThat(page.nextPagingState()).isNull();
    }

    @Test
    void given_a_connected_adapter_when_probed_then_ok_under_the_name_cassandra() {
        assertThat(users.name()).isEqualTo("cassandra");
        assertThat(users.probe()).isEqualTo("ok");
    }

    @Test
    void given_no_cassandra_at_the_contact_point_when_connecting_then_the_error_names_the_address() {
        CassandraSettings nowhere =
                settings.withRequestTimeout(Duration.ofSeconds(1)).withKeyspace("unused");
        CassandraSettings deadPort = new CassandraSettings(
                CassandraSettings.ContactPoint.parseList("127.0.0.1:1"),
                nowhere.localDatacenter(),
                nowhere.keyspace(),
                nowhere.replication(),
                nowhere.requestTimeout());

        assertThatThrownBy(() -> CassandraUsers.connect(deadPort))
                .isInstanceOf(CassandraAccessException.class)
                .hasMessageContaining("127.0.0.1:1");
    }

    private static void writeUserOfRun(UUID id, UUID runId, String firstName) {
        Instant now = Instant.now();
        sidecar.execute(
                sidecar.prepare("INSERT INTO " + KEYSPACE + ".created_users (id, first_name, run_id, nationality,"
                                + " fetched_at, persisted_at) VALUES (?, ?, ?, 'GB', ?, ?)")
                        .bind(id, firstName, runId, now, now));
        sidecar.execute(sidecar.prepare("INSERT INTO " + KEYSPACE
                        + ".users_by_run (run_id, id, first_name, nationality)" + " VALUES (?, ?, ?, 'GB')")
                .bind(runId, id, firstName));
    }
}
