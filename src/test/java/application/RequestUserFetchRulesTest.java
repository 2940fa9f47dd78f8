package application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import application.port.in.FetchUsersCommand;
import application.port.in.IdempotencyConflictException;
import application.port.in.RunView;
import application.port.in.TooManyRunsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits a caller meets when asking for runs: active runs per instance, one meaning per idempotency key. */
class RequestUserFetchRulesTest {

    private final InMemoryRunStore store = new InMemoryRunStore();
    /** Holds every page, so each run stays fetching. */
    private final ScriptedSource source = new ScriptedSource().holdPagesAfter(0);

    private final FetchRunPages fetcher = new FetchRunPages(
            source, store, store, Clock.systemUTC(), new FetchRunPages.Settings(1, 3, Duration.ofMillis(10), 0));
    private final RequestUserFetch requestFetch =
            new RequestUserFetch(store, store, store, fetcher, Clock.systemUTC(), new Random(5), 100, 2);

    @AfterEach
    void stop() {
        source.release();
        fetcher.close();
    }

    @Test
    void given_as_many_runs_fetching_as_allowed_when_another_is_asked_for_then_it_is_refused_naming_the_cap() {
        requestFetch.requestFetch(command(10, List.of("GB"), null, null));
        RunView second = requestFetch.requestFetch(command(10, List.of("GB"), null, null));

        assertThatThrownBy(() -> requestFetch.requestFetch(command(10, List.of("GB"), null, null)))
                .isInstanceOfSatisfying(TooManyRunsException.class, refused -> {
                    assertThat(refused.maxActiveRuns()).isEqualTo(2);
                    assertThat(refused.retryAfter()).isPositive();
                })
                .hasMessageContaining("2 runs are fetching");

        new CancelRun(store, store, store, Clock.systemUTC()).cancel(second.runId());
        assertThat(requestFetch
                        .requestFetch(command(10, List.of("GB"), null, null))
                        .status())
                .isEqualTo("REQUESTED");
    }

    @Test
    void given_a_key_used_before_when_the_same_request_comes_again_then_it_answers_the_same_run() {
        RunView first = requestFetch.requestFetch(command(10, List.of("GB", "FR"), "female", "key-1"));

        RunView again = requestFetch.requestFetch(command(10, List.of("fr", " GB"), "female", "key-1"));

        assertThat(again.runId()).isEqualTo(first.runId());
    }

    @Test
    void given_a_key_used_before_when_a_request_with_other_parameters_comes_then_it_is_a_conflict_naming_them() {
        RunView first = requestFetch.requestFetch(command(10, List.of("GB"), null, "key-2"));

        assertThatThrownBy(() -> requestFetch.requestFetch(command(20, List.of("GB"), "male", "key-2")))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining(first.runId())
                .hasMessageContaining("count 10 (now 20)")
                .hasMessageContaining("gender null (now male)");
        assertThatThrownBy(() -> requestFetch.requestFetch(
                        new FetchUsersCommand(10, List.of("GB"), null, "other-seed", "key-2")))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining("seed");
    }

    private static FetchUsersCommand command(int count, List<String> nationalities, String gender, String key) {
        return new FetchUsersCommand(count, nationalities, gender, null, key);
    }
}
