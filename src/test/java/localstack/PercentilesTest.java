package localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void given_an_even_count_when_the_median_is_taken_then_it_is_a_measured_value_not_an_average() {
        assertThat(Percentiles.nearestRank(List.of(4.0, 1.0, 3.0, 2.0), 50)).isEqualTo(2.0);
    }

    @Test
    void given_100_values_when_p99_is_taken_then_it_is_the_99th_smallest() {
        List<Duration> values = java.util.stream.IntStream.rangeClosed(1, 100)
                .mapToObj(Duration::ofMillis)
                .toList();

        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(Duration.ofMillis(99));
        assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(Duration.ofMillis(100));
        assertThat(Percentiles.nearestRank(values, 0)).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void given_no_values_then_there_is_no_percentile() {
        assertThatThrownBy(() -> Percentiles.nearestRank(List.<Double>of(), 50))
                .hasMessage("no values to take a percentile of");
    }
}
