package application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void given_text_with_line_breaks_when_made_safe_then_it_stays_on_one_line() {
        assertThat(LogSafe.text("q:1\r\n2026-11-25 INFO forged line\u2028\u0000"))
                .isEqualTo("q:1??2026-11-25 INFO forged line??");
    }

    @Test
    void given_long_text_when_made_safe_then_it_is_cut_and_marked() {
        String safe = LogSafe.text("x".repeat(10_000));

        assertThat(safe).hasSize(LogSafe.MAX_LENGTH + 3).endsWith("...");
    }

    @Test
    void given_null_when_made_safe_then_it_reads_null() {
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }
}
