package adapters.randomuser;

import static adapters.randomuser.ScriptedServer.endless;
import static adapters.randomuser.ScriptedServer.fixture;
import static adapters.randomuser.ScriptedServer.gzipBomb;
import static adapters.randomuser.ScriptedServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import application.port.out.FetchUserPagePort;
import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException.MalformedPage;
import application.port.out.UserSourceException.RejectedRequest;
import application.port.out.UserSourceException.Unavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever a source sends, one page costs bounded bytes and bounded time, and never leaves its host. */
class BoundedResponsesTest {

    private static final String FIXTURE = "v1.4-mixed21nat-111users.json";
    /** Long enough for a real exchange on loopback, short enough for a test that waits it out. */
    private static final Duration DEADLINE = Duration.ofMillis(800);

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

    private FetchUserPagePort adapter() {
        return RandomUserAdapter.create(
                RandomUserSettings.defaults()
                        .withBaseUrl(server.baseUrl())
                        .withRequestTimeout(DEADLINE)
                        .withMaxAttempts(2),
                time.environment(1.0));
    }

    private static PageQuery page(int results) {
        return new PageQuery(1, results, "b92435b8050047da", List.of(), Optional.empty());
    }

    @Test
    void given_a_gzip_bomb_when_fetching_then_malformed_naming_the_cap_without_inflating_it_all() {
        int cap = BodyLimits.maxBytes(1);
        server.always(gzipBomb(64 * 1024 * 1024));

        assertThatThrownBy(() -> adapter().fetchPage(page(1)))
                .isInstanceOf(MalformedPage.class)
                .hasMessageContaining("inflates to over " + cap + " bytes")
                .hasMessageContaining("the cap for 1 users");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void given_an_endless_body_when_fetching_then_malformed_at_the_cap_and_the_connection_is_closed() {
        byte[] chunk = new byte[16 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        server.always(endless(chunk, Duration.ZERO));

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> adapter().fetchPage(page(1)))
                        .isInstanceOf(MalformedPage.class)
                        .hasMessageContaining("the response body is over " + BodyLimits.maxBytes(1) + " bytes"));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.hangUps() == 1);
    }

    @Test
    void given_a_body_that_drips_past_the_deadline_when_fetching_then_unavailable_naming_the_timeout_and_the_bytes() {
        server.always(endless(" ".getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(50)));

        long started = System.nanoTime();
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> adapter().fetchPage(page(1)))
                        .isInstanceOfSatisfying(
                                Unavailable.class, e -> assertThat(e.attempts()).isEqualTo(2))
                        .hasMessageContaining("timeout after 800 ms with the body still arriving")
                        .hasMessageContaining("bytes received"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.multipliedBy(4));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.hangUps() == 2);
    }

    @Test
    void given_a_redirect_to_another_host_when_fetching_then_rejected_and_the_other_host_never_asked()
            throws IOException {
        try (ScriptedServer elsewhere = new ScriptedServer()) {
            elsewhere.always(fixture(FIXTURE));
            server.always(redirect(302, elsewhere.baseUrl() + "?results=111"));

            assertThatThrownBy(() -> adapter().fetchPage(page(111)))
                    .isInstanceOf(RejectedRequest.class)
                    .hasMessageContaining("HTTP 302 redirect to another origin (http://127.0.0.1:"
                            + elsewhere.baseUrl().getPort() + ")");
            assertThat(elsewhere.requests()).isZero();
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void given_a_redirect_on_the_same_host_when_fetching_then_it_is_followed() {
        server.then(redirect(301, "/api/1.4/?moved=yes")).always(fixture(FIXTURE));

        UserPage page = adapter().fetchPage(page(111));

        assertThat(page.profiles()).hasSize(111);
        assertThat(server.queries()).containsExactly(server.queries().get(0), "moved=yes");
    }

    @Test
    void given_redirects_in_a_loop_when_fetching_then_rejected_after_the_limit() {
        server.always(redirect(307, "/api/1.4/?again"));

        assertThatThrownBy(() -> adapter().fetchPage(page(111)))
                .isInstanceOf(RejectedRequest.class)
                .hasMessageContaining("more than " + SameHostRedirect.MAX_REDIRECTS + " redirects");
        assertThat(server.requests()).isEqualTo(SameHostRedirect.MAX_REDIRECTS + 1);
    }

    @Test
    void given_a_page_with_more_users_than_requested_when_fetching_then_only_the_requested_count_is_kept() {
        server.always(fixture(FIXTURE));

        UserPage page = adapter().fetchPage(page(100));

        assertThat(page.profiles()).hasSize(100);
    }
}
