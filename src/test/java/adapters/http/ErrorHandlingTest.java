package adapters.http;

import static adapters.http.ApiFixture.FETCH_USERS;
import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static adapters.http.ApiFixture.postJson;
import static adapters.http.ApiFixture.send;
import static adapters.http.FetchUsersBodyBuilder.aFetchUsersBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import adapters.http.ApiFixture.Reply;
import application.port.in.ViewRunsQuery;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.testtools.JavalinTest;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ErrorHandlingTest {

    private static final Pattern ERROR_ID = Pattern.compile("\\(id ([0-9a-f]{8})\\)");

    private final Logger errorLog = (Logger) LoggerFactory.getLogger(ErrorResponses.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureTheErrorLog() {
        logged.start();
        errorLog.addAppender(logged);
    }

    @AfterEach
    void releaseTheErrorLog() {
        errorLog.detachAppender(logged);
    }

    @Test
    void given_an_unknown_route_when_requesting_it_then_404_json_names_the_route() {
        anApi().test((server, client) -> {
            Reply reply = get(client, "/no/such/route");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.error()).isEqualTo("no route GET /no/such/route");
        });
    }

    @Test
    void given_a_known_path_when_using_the_wrong_method_then_405_json_and_an_allow_header() {
        anApi().test((server, client) -> {
            Reply wrongOnCommand = get(client, FETCH_USERS);
            Reply wrongOnRun = send(client, "/api/runs/some-id", request -> request.delete());

            assertThat(wrongOnCommand.status()).isEqualTo(405);
            assertThat(wrongOnCommand.header("Content-Type")).startsWith("application/json");
            assertThat(wrongOnCommand.error())
                    .isEqualTo("method GET is not allowed on " + FETCH_USERS + "; allowed: POST");
            assertThat(wrongOnCommand.header("Allow")).isEqualTo("POST");
            assertThat(wrongOnRun.status()).isEqualTo(405);
            assertThat(wrongOnRun.header("Allow")).isEqualTo("GET");
        });
    }

    @Test
    void
            given_the_use_case_fails_unexpectedly_when_posting_then_500_hides_the_cause_and_the_log_has_it_under_the_same_id() {
        ApiFixture api = anApi();
        api.fetchUsers.failingWith(
                new IllegalStateException("connection to jdbc:postgresql://db:5432 as admin/hunter2 lost"));

        api.test((server, client) -> {
            Reply reply = postJson(client, FETCH_USERS, aFetchUsersBody().json());

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.error()).startsWith("internal error, see the server log (id ");
            assertThat(reply.json().size()).isEqualTo(1);
            assertThat(reply.body())
                    .doesNotContain("hunter2", "postgresql", "Exception", "IllegalState", "\tat ", ".java:");

            Matcher id = ERROR_ID.matcher(reply.error());
            assertThat(id.find()).isTrue();
            assertThat(logged.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("POST " + FETCH_USERS, "(id " + id.group(1) + ")");
                assertThat(event.getThrowableProxy().getMessage()).contains("hunter2");
            });
        });
    }

    @Test
    void given_a_query_fails_unexpectedly_when_reading_then_500_too() {
        ViewRunsQuery broken = new ViewRunsQuery() {
            @Override
            public java.util.Optional<application.port.in.RunView> findRun(String runId) {
                throw new NullPointerException("projection not loaded");
            }

            @Override
            public java.util.List<application.port.in.RunView> listRuns(int limit) {
                throw new NullPointerException("projection not loaded");
            }
        };
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        JavalinTest.test(
                HttpApi.create(
                        HttpSettings.defaults(),
                        new FakeFetchUsers(),
                        new FakeRunCommand(),
                        new FakeRunCommand(),
                        broken,
                        new FakeUsers(),
                        new FakeHealth(),
                        registry),
                (server, client) -> {
                    Reply reply = get(client, "/api/runs");

                    assertThat(reply.status()).isEqualTo(500);
                    assertThat(reply.body()).doesNotContain("projection", "Exception", "NullPointer");
                });
    }

    @Test
    void given_a_client_error_when_answering_it_then_nothing_is_logged() {
        anApi().test((server, client) -> {
            postJson(client, FETCH_USERS, "{\"count\": \"many\"}");
            get(client, "/api/runs/unknown");
            get(client, "/nowhere");

            assertThat(logged.list).isEmpty();
        });
    }
}
