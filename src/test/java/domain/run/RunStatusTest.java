package domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void given_each_status_when_asked_if_finished_then_only_completed_failed_and_cancelled_are() {
        assertThat(Arrays.stream(RunStatus.values()).filter(RunStatus::isFinished))
                .containsExactlyInAnyOrder(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED);
    }
}
