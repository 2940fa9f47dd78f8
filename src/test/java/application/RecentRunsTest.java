package application;

import static org.assertj.core.api.Assertions.assertThat;

import domain.run.RunId;
import org.junit.jupiter.api.Test;

class RecentRunsTest {

    @Test
    void given_a_full_set_when_a_new_run_is_added_then_the_least_recently_seen_one_goes() {
        RecentRuns runs = new RecentRuns(2);
        RunId first = RunId.random();
        RunId second = RunId.random();
        RunId third = RunId.random();

        assertThat(runs.add(first)).isTrue();
        assertThat(runs.add(second)).isTrue();
        assertThat(runs.add(first)).isFalse(); // seen again: now the most recent
        assertThat(runs.add(third)).isTrue();

        assertThat(runs.size()).isEqualTo(2);
        assertThat(runs.contains(first)).isTrue();
        assertThat(runs.contains(second)).isFalse();
        assertThat(runs.contains(third)).isTrue();
    }
}
