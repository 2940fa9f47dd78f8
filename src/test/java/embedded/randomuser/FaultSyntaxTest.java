package embedded.randomuser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultSyntaxTest {

    @Test
    void given_the_documented_example_when_parsed_then_each_item_becomes_the_matching_fault() {
        Fault.Spec spec = Fault.parseList("429x3,503,garbage,truncated,slow=2000ms,error=Uh oh,disconnect,every=5:503");

        assertThat(spec.queued())
                .containsExactly(
                        Fault.status(429).times(3),
                        Fault.status(503),
                        Fault.garbage(),
                        Fault.truncated(),
                        Fault.slow(Duration.ofMillis(2000)),
                        Fault.errorBody("Uh oh"),
                        Fault.disconnect());
        assertThat(spec.periodic()).containsExactly(new Fault.Periodic(5, Fault.status(503)));
    }

    @Test
    void given_variants_of_the_syntax_when_parsed_then_they_mean_the_same() {
        assertThat(Fault.parse("slow:2s")).isEqualTo(Fault.slow(Duration.ofSeconds(2)));
        assertThat(Fault.parse("SLOW=250")).isEqualTo(Fault.slow(Duration.ofMillis(250)));
        assertThat(Fault.parse(" Garbage X2 ")).isEqualTo(Fault.garbage().times(2));
        assertThat(Fault.parse("429=5")).isEqualTo(Fault.status(429).retryAfter(5));
        assertThat(Fault.parse("503:2s")).isEqualTo(Fault.status(503).retryAfter(2));
        assertThat(Fault.parse("error").message()).isNotBlank();
        assertThat(Fault.parseList("every:3:garbage").periodic())
                .containsExactly(new Fault.Periodic(3, Fault.garbage()));
    }

    @Test
    void given_a_429_when_built_then_it_has_retry_after_1_and_other_statuses_none() {
        assertThat(Fault.status(429).retryAfterSeconds()).isEqualTo(1);
        assertThat(Fault.status(503).retryAfterSeconds()).isEqualTo(-1);
    }

    @Test
    void given_faults_when_printed_then_the_text_parses_back_to_the_same_fault() {
        for (Fault f : List.of(
                Fault.status(429).times(3),
                Fault.status(502),
                Fault.slow(Duration.ofMillis(1500)).times(2),
                Fault.garbage(),
                Fault.truncated(),
                Fault.errorBody("Uh oh"),
                Fault.disconnect().times(4))) {
            assertThat(Fault.parse(f.toString())).isEqualTo(f);
        }
    }

    @Test
    void given_newlines_when_parsed_then_only_newlines_separate_and_comments_are_skipped() {
        Fault.Spec spec = Fault.parseList("# warm-up failures\r\n429x2\nerror=Sorry, try again\n\n");

        assertThat(spec.queued()).containsExactly(Fault.status(429).times(2), Fault.errorBody("Sorry, try again"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "teapot",
                "200",
                "600",
                "slow",
                "slow=fast",
                "garbage=1",
                "429x0",
                "every=0:503",
                "every=5",
                "every=2:503x3",
                "429=soon"
            })
    void given_bad_items_when_parsed_then_an_illegal_argument_explains_why(String item) {
        assertThatThrownBy(() -> Fault.parseList(item))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .isNotBlank();
    }

    @Test
    void given_a_plan_when_faults_are_taken_then_queue_order_repeats_and_periodic_counting_hold() {
        FaultPlan plan = new FaultPlan()
                .enqueue(Fault.status(429).times(2), Fault.garbage())
                .everyNth(3, Fault.status(503));

        assertThat(plan.pending()).containsExactly(Fault.status(429).times(2), Fault.garbage());
        assertThat(plan.next()).isEqualTo(Fault.status(429).times(2));
        assertThat(plan.pending()).containsExactly(Fault.status(429), Fault.garbage());
        plan.next();
        assertThat(plan.next()).isEqualTo(Fault.garbage()); // 3rd request: the queue wins over every=3
        assertThat(plan.next()).isNull();
        assertThat(plan.next()).isNull();
        assertThat(plan.next()).isEqualTo(Fault.status(503));
    }
}
