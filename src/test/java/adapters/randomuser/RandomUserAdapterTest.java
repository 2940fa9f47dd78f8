package adapters.randomuser;

import static adapters.randomuser.ScriptedServer.afterPermit;
import static adapters.randomuser.ScriptedServer.fixture;
import static adapters.randomuser.ScriptedServer.fixtureBytes;
import static adapters.randomuser.ScriptedServer.gzippedFixture;
import static adapters.randomuser.ScriptedServer.hang;
import static adapters.randomuser.ScriptedServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import application.port.out.FetchUserPagePort;
import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException;
import application.port.out.UserSourceException.MalformedPage;
import application.port.out.UserSourceException.RejectedRequest;
import application.port.out.UserSourceException.Unavailable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.run.RequestLimits;
import domain.user.RawProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RandomUserAdapterTest {

    private static final String FIXTURE = "v1.4-mixed21nat-111users.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ScriptedServer server;
    private FakeTime time;

    @BeforeEach
    void start() throws IOException {
        server = new ScriptedServer();
        time = new FakeTime();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RandomUserSettings settings() {
        return RandomUserSettings.defaults().withBaseUrl(server.baseUrl());
    }

    /** Jitter 1.0: every backoff wait is its full bound, so the bounds can be read off the sleeps. */
    private FetchUserPagePort adapter(RandomUserSettings settings) {
        return RandomUserAdapter.create(settings, time.environment(1.0));
    }

    private FetchUserPagePort adapter() {
        return adapter(settings());
    }

    private static PageQuery page(int page) {
        return new PageQuery(page, 111, "b92435b8050047da", List.of(), Optional.empty());
    }

    @Test
    void given_nationalities_and_gender_when_fetching_then_the_url_carries_results_page_seed_nat_and_gender_encoded() {
        server.always(fixture(FIXTURE));

        adapter().fetchPage(new PageQuery(3, 50, "run seed&x=1", List.of("US", "GB"), Optional.of("female")));

        assertThat(server.queries()).containsExactly("results=50&page=3&seed=run+seed%26x%3D1&nat=US,GB&gender=female");
    }

    @Test
    void given_no_nationalities_and_no_gender_when_fetching_then_the_url_leaves_nat_and_gender_out() {
        server.always(fixture(FIXTURE));

        adapter().fetchPage(new PageQuery(1, 5000, "abc", List.of(), Optional.empty()));

        assertThat(server.queries()).containsExactly("results=5000&page=1&seed=abc");
    }

    @Test
    void given_a_real_1_4_page_when_fetching_then_every_profile_comes_with_its_json_text_and_fields()
            throws IOException {
        server.always(fixture(FIXTURE));

        UserPage page = adapter().fetchPage(page(1));

        JsonNode expected = MAPPER.readTree(fixtureBytes(FIXTURE)).get("results");
        assertThat(page.apiVersion()).isEqualTo("1.4");
        assertThat(page.query()).isEqualTo(page(1));
        assertThat(page.profiles()).hasSize(111).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            RawProfile profile = page.profiles().get(i);
            String compact = MAPPER.writeValueAsString(expected.get(i));
            assertThat(profile.json()).as("json of results[%d]", i).isEqualTo(compact);
            assertThat(profile.fields()).as("fields of results[%d]", i).isEqualTo(MAPPER.readValue(compact, Map.class));
        }
    }

    @Test
    void given_a_gzip_encoded_page_when_fetching_then_it_is_decompressed() {
        server.always(gzippedFixture(FIXTURE));

        UserPage page = adapter().fetchPage(page(1));

        assertThat(page.profiles()).hasSize(111);
    }

    @Test
    void given_429_with_retry_after_2_then_200_when_fetching_then_it_succeeds_having_waited_at_least_2_s() {
        server.then(status(429, "{\"error\":\"rate limited\"}", Map.of("Retry-After", "2")))
                .always(fixture(FIXTURE));

        UserPage page = adapter().fetchPage(page(1));

        assertThat(page.profiles()).hasSize(111);
        assertThat(server.requests()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void given_three_503s_then_200_when_fetching_then_it_succeeds_on_attempt_4_after_growing_backoff() {
        server.then(status(503, ""), status(503, ""), status(503, "")).always(fixture(FIXTURE));

        UserPage page = adapter().fetchPage(page(1));

        assertThat(page.profiles()).hasSize(111);
        assertThat(server.requests()).isEqualTo(4);
        assertThat(time.sleeps())
                .containsExactly(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void given_a_source_that_always_answers_503_when_fetching_then_unavailable_after_max_attempts_naming_http_503() {
        server.always(status(503, "Service Unavailable"));

        assertThatThrownBy(() -> adapter().fetchPage(page(7)))
                .isInstanceOfSatisfying(Unavailable.class, e -> {
                    assertThat(e.attempts()).isEqualTo(6);
                    assertThat(e.page()).isEqualTo(7);
                })
                .hasMessageContaining("page 7")
                .hasMessageContaining("after 6 attempts")
                .hasMessageContaining("HTTP 503");
        assertThat(server.requests()).isEqualTo(6);
        assertThat(time.sleeps()).hasSize(5);
    }

    @Test
    void given_a_closed_port_when_fetching_then_unavailable_naming_the_refused_connection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FetchUserPagePort adapter = adapter(settings()
                .withBaseUrl(URI.create("http://127.0.0.1:" + closedPort + "/api/1.4/"))
                .withMaxAttempts(3));

        assertThatThrownBy(() -> adapter.fetchPage(page(1)))
                .isInstanceOfSatisfying(
                        Unavailable.class, e -> assertThat(e.attempts()).isEqualTo(3))
                .hasMessageContaining("connection refused")
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void given_a_source_that_never_answers_when_fetching_then_unavailable_naming_the_timeout() {
        server.always(hang());
        FetchUserPagePort adapter =
                adapter(settings().withRequestTimeout(Duration.ofMillis(300)).withMaxAttempts(2));

        assertThatThrownBy(() -> adapter.fetchPage(page(1)))
                .isInstanceOfSatisfying(
                        Unavailable.class, e -> assertThat(e.attempts()).isEqualTo(2))
                .hasMessageContaining("timeout after 300 ms");
    }

    @Test
    void given_an_error_body_with_http_200_when_fetching_then_rejected_with_the_source_message_after_one_request() {
        server.always(status(200, "{\"error\":\"Uh oh, something has gone wrong\"}"));

        assertThatThrownBy(() -> adapter().fetchPage(page(2)))
                .isInstanceOf(RejectedRequest.class)
                .hasMessageContaining("page 2")
                .hasMessageContaining("Uh oh, something has gone wrong");
        assertThat(server.requests()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void given_a_garbage_body_when_fetching_then_malformed_with_a_snippet_after_one_request() {
        server.always(status(200, "<html>\n<body>Bad gateway</body></html>"));

        assertThatThrownBy(() -> adapter().fetchPage(page(1)))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("invalid JSON")
                .hasMessageContaining("38 bytes")
                .hasMessageContaining("\"<html> <body>Bad gateway</body></html>\"");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void given_truncated_json_when_fetching_then_malformed_naming_the_truncation_after_one_request() {
        byte[] whole = fixtureBytes(FIXTURE);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        server.always(ScriptedServer.bytes(200, truncated, Map.of()));

        assertThatThrownBy(() -> adapter().fetchPage(page(1)))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("truncated JSON")
                .hasMessageContaining(truncated.length + " bytes")
                .hasMessageContaining("starting \"{ \"results\": [ {");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void given_404_when_fetching_then_rejected_with_the_status_and_a_body_snippet_without_retrying() {
        server.always(status(404, "Not Found: /api/9.9/"));

        assertThatThrownBy(() -> adapter().fetchPage(page(1)))
                .isInstanceOf(RejectedRequest.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("Not Found: /api/9.9/");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void given_a_limit_of_2_when_6_pages_are_fetched_in_parallel_then_the_server_never_sees_more_than_2()
            throws Exception {
        Semaphore gate = new Semaphore(0);
        server.always(afterPermit(gate, fixture(FIXTURE)));
        FetchUserPagePort adapter = adapter(settings().withMaxConcurrentRequests(2));
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<UserPage>> pages = new ArrayList<>();
            for (int page = 1; page <= 6; page++) {
                int number = page;
                pages.add(callers.submit(() -> adapter.fetchPage(page(number))));
            }
            for (int answered = 0; answered < 6; answered++) {
                int done = answered;
                // let the callers pile up against the limit before each answer
                await().atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> server.answered() == done && server.inFlight() == Math.min(2, 6 - done));
                gate.release();
            }
            for (Future<UserPage> page : pages) {
                assertThat(page.get(10, TimeUnit.SECONDS).profiles()).hasSize(111);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(server.maxInFlight()).isEqualTo(2);
        assertThat(server.requests()).isEqualTo(6);
    }

    @Test
    void given_an_explicit_rate_limit_when_the_users_requested_exceed_it_then_the_clock_waits_out_the_window() {
        server.always(fixture(FIXTURE));
        FetchUserPagePort adapter = adapter(settings().withRateLimit(150, Duration.ofMinutes(5)));

        adapter.fetchPage(page(1));
        assertThat(time.sleeps()).isEmpty();
        adapter.fetchPage(page(2));

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(5));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void given_a_loopback_url_and_default_settings_when_fetching_many_pages_then_nothing_is_throttled() {
        server.always(fixture(FIXTURE));
        FetchUserPagePort adapter = adapter(settings());

        for (int page = 1; page <= 5; page++) {
            adapter.fetchPage(new PageQuery(page, RequestLimits.MAX_PAGE_SIZE, "seed", List.of(), Optional.empty()));
        }

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void given_an_interrupt_during_the_backoff_when_fetching_then_it_gives_up_with_the_flag_restored() {
        server.always(status(503, ""));
        Environment interrupting = new Environment(
                duration -> {
                    throw new InterruptedException("shutting down");
                },
                time,
                time.clock(),
                () -> 1.0);
        FetchUserPagePort adapter = RandomUserAdapter.create(settings(), interrupting);

        try {
            assertThatThrownBy(() -> adapter.fetchPage(page(1)))
                    .isInstanceOf(Unavailable.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void given_a_503_carrying_a_json_error_when_retries_run_out_then_the_problem_names_status_and_message() {
        server.always(status(503, "{\"error\":\"Uh oh, something has gone wrong\"}"));

        assertThatThrownBy(() -> adapter(settings().withMaxAttempts(2)).fetchPage(page(1)))
                .isInstanceOf(UserSourceException.Unavailable.class)
                .hasMessageEndingWith("HTTP 503: Uh oh, something has gone wrong");
    }

    @Test
    void given_the_public_factory_when_creating_then_it_returns_a_port_over_the_settings() {
        server.always(fixture(FIXTURE));

        FetchUserPagePort port = RandomUserAdapter.create(settings());

        assertThat(port.fetchPage(page(1)).profiles()).hasSize(111);
    }
}
