package application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import application.port.in.RunView;
import application.port.out.ProbeDependencyPort;
import domain.event.RunEvent;
import domain.run.IngestionRun;
import domain.run.RunDecisions;
import domain.run.RunId;
import domain.user.UserId;
import org.junit.jupiter.api.Test;

/** What an unfinished run's view says while a dependency does not answer, and that it stops saying it. */
class WatchDependenciesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private final SteppingClock clock = new SteppingClock(T0);
    private final Dependency kafka = new Dependency("kafka");
    private final Dependency cassandra = new Dependency("cassandra");
    private final WatchDependencies watch = new WatchDependencies(List.of(kafka, cassandra), clock);
    private final InMemoryRunStore store = new InMemoryRunStore();
    private final ViewRuns views = new ViewRuns(store, store, watch);

    @Test
    void given_every_dependency_answers_then_nothing_is_waited_for() {
        watch.probeAll();

        assertThat(watch.longestOutage()).isEmpty();
    }

    @Test
    void given_kafka_stops_answering_then_the_outage_starts_at_the_first_failed_probe_and_its_age_grows() {
        watch.probeAll();
        clock.advance(Duration.ofSeconds(2));
        kafka.answer = "TimeoutException";
        watch.probeAll();
        clock.advance(Duration.ofSeconds(10));
        watch.probeAll();

        assertThat(watch.longestOutage()).hasValue(new RunView.WaitingFor("kafka", T0.plusSeconds(2), 10));
    }

    @Test
    void given_kafka_answers_again_then_the_outage_is_over() {
        kafka.answer = "TimeoutException";
        watch.probeAll();
        clock.advance(Duration.ofSeconds(5));
        kafka.answer = "ok";
        watch.probeAll();

        assertThat(watch.longestOutage()).isEmpty();
    }

    @Test
    void given_two_dependencies_down_then_the_one_down_longest_is_named() {
        cassandra.answer = "no node answered";
        watch.probeAll();
        clock.advance(Duration.ofSeconds(3));
        kafka.answer = "TimeoutException";
        watch.probeAll();

        assertThat(watch.longestOutage()).map(RunView.WaitingFor::dependency).hasValue("cassandra");
    }

    @Test
    void given_a_probe_that_throws_then_it_counts_as_not_answering() {
        kafka.failing = true;

        watch.probeAll();

        assertThat(watch.longestOutage()).map(RunView.WaitingFor::dependency).hasValue("kafka");
    }

    @Test
    void given_kafka_down_then_an_unfinished_run_waits_for_it_and_a_completed_run_does_not() {
        RunId fetched = run(3, false);
        RunId completed = run(3, true);
        kafka.answer = "TimeoutException";
        watch.probeAll();
        clock.advance(Duration.ofSeconds(12));

        assertThat(views.findRun(fetched.toString()).orElseThrow().waitingFor())
                .isEqualTo(new RunView.WaitingFor("kafka", T0, 12));
        assertThat(views.findRun(completed.toString()).orElseThrow().waitingFor())
                .isNull();
    }

    /** A run of {@code count} users on one page, stored (FETCHED), and every user persisted when asked. */
    private RunId run(int count, boolean persisted) {
        RunId runId = RunId.random();
        List<RunEvent> events =
                new ArrayList<>(RunDecisions.request(runId, count, count, "seed", null, null, null, T0));
        events.addAll(RunDecisions.pageStored(IngestionRun.replay(events), 1, count, 0, T0));
        store.append(runId, 0, events, List.of());
        if (persisted) {
            List<UserId> ids = TestUsers.storeFetched(store, runId, count);
            new RecordPersistedUsers(store, store, Clock.fixed(T0, ZoneOffset.UTC))
                    .recordPersisted(runId, ids, "q:1", T0);
        }
        return runId;
    }

    private static final class Dependency implements ProbeDependencyPort {
        private final String name;
        volatile String answer = "ok";
        volatile boolean failing;

        Dependency(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String probe() {
            if (failing) {
                throw new IllegalStateException("the probe itself broke");
            }
            return answer;
        }
    }

    private static final class SteppingClock extends Clock {
        private Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
