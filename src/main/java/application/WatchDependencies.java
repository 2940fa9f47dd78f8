package application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import application.port.in.RunView;
import application.port.out.ProbeDependencyPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks each dependency at a steady pace whether it answers, and remembers since when one does not.
 * A run does not fail while Kafka or Cassandra is away (the outbox, the consumer and the sidecar wait
 * and retry), so without this a run's view would only show counters that stopped moving; with it the
 * view says what the run waits for and since when. One line in the log when a dependency goes away
 * and one when it is back, not one per probe.
 */
public final class WatchDependencies implements AutoCloseable {

    /** Watches nothing: no view ever waits. */
    public static final WatchDependencies NONE = new WatchDependencies(List.of(), Clock.systemUTC());

    private static final Logger LOG = LoggerFactory.getLogger(WatchDependencies.class);

    private final List<ProbeDependencyPort> dependencies;
    private final Clock clock;
    private final Map<String, Instant> downSince = new ConcurrentHashMap<>();
    private ScheduledExecutorService schedule;

    public WatchDependencies(List<ProbeDependencyPort> dependencies, Clock clock) {
        this.dependencies = List.copyOf(dependencies);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Probes every {@code every} on a daemon thread of its own, until {@link #close()}. */
    public synchronized WatchDependencies start(Duration every) {
        if (schedule == null && !dependencies.isEmpty()) {
            schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "dependency-watch");
                thread.setDaemon(true);
                return thread;
            });
            schedule.scheduleWithFixedDelay(this::probeAll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** One round: each dependency asked once; an outage starts at the first probe that failed. */
    public void probeAll() {
        for (ProbeDependencyPort dependency : dependencies) {
            String answer;
            try {
                answer = dependency.probe();
            } catch (RuntimeException e) {
                answer = e.getClass().getSimpleName();
            }
            Instant now = clock.instant();
            if ("ok".equals(answer)) {
                Instant since = downSince.remove(dependency.name());
                if (since != null) {
                    LOG.info(
                            "{} answers again after {} s",
                            dependency.name(),
                            Duration.between(since, now).toSeconds());
                }
            } else if (downSince.putIfAbsent(dependency.name(), now) == null) {
                LOG.warn(
                        "{} does not answer ({}); runs wait for it and resume when it is back",
                        dependency.name(),
                        answer);
            }
        }
    }

    /** The dependency that has not answered for the longest, if any does not answer now. */
    public Optional<RunView.WaitingFor> longestOutage() {
        Instant now = clock.instant();
        return downSince.entrySet().stream()
                .min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(down -> new RunView.WaitingFor(
                        down.getKey(),
                        down.getValue(),
                        Math.max(0, Duration.between(down.getValue(), now).toSeconds())));
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }
}
