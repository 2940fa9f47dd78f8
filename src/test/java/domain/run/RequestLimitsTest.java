package domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void given_the_gender_rule_in_words_then_it_names_exactly_the_genders() {
        assertThat(RequestLimits.GENDER_RULE)
                .isEqualTo(RequestLimits.GENDERS.stream()
                        .map(gender -> "\"" + gender + "\"")
                        .collect(Collectors.joining(" or ")));
    }

    @Test
    void given_the_seed_rule_then_1_to_64_letters_digits_dashes_and_underscores_match_and_generated_seeds_too() {
        assertThat(RequestLimits.SEED.matcher("a").matches()).isTrue();
        assertThat(RequestLimits.SEED.matcher("A-z_0".repeat(12) + "abcd").matches())
                .isTrue();
        assertThat(RequestLimits.SEED.matcher("x".repeat(65)).matches()).isFalse();
        assertThat(RequestLimits.SEED.matcher("").matches()).isFalse();
        assertThat(RequestLimits.SEED.matcher("a b").matches()).isFalse();
        assertThat(RequestLimits.SEED
                        .matcher(RunDecisions.newSeed(new SplittableRandom(7)))
                        .matches())
                .isTrue();
        assertThat(RequestLimits.SEED_RULE).isEqualTo("1-64 letters, digits, '-' or '_'");
    }
}
