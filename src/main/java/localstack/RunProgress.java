package localstack;

import domain.run.RunStatus;

/**
 * One look at a run's counters while it is under way, and how it reads on a terminal (a bar that
 * redraws in place) or in a log (one plain line). While the run waits for a dependency that does not
 * answer, the reading says so instead of an ETA that would only climb.
 *
 * @param seconds time since the command was posted
 * @param waitingFor e.g. "Kafka since 12 s", from the run's {@code waitingFor}; null when it waits for nothing
 */
public record RunProgress(
        String status,
        long requested,
        long fetched,
        long published,
        long persisted,
        double seconds,
        String waitingFor) {

    private static final int BAR_WIDTH = 30;

    public RunProgress(String status, long requested, long fetched, long published, long persisted, double seconds) {
        this(status, requested, fetched, published, persisted, seconds, null);
    }

    /** Nothing more will happen to the run: the domain's own rule ({@link RunStatus#isFinished()}). */
    public boolean ended() {
        return RunStatus.valueOf(status).isFinished();
    }

    /** Users persisted per second since the POST. */
    public double rate() {
        return seconds <= 0 ? 0 : persisted / seconds;
    }

    /** Seconds until every requested user is persisted at the rate so far; negative when unknown. */
    public double etaSeconds() {
        double rate = rate();
        return rate <= 0 ? -1 : Math.max(0, requested - persisted) / rate;
    }

    /** {@code [#########.....]  45% fetched 10,000 | published 8,000 | persisted 4,500 | 2,250 users/s | ETA 2 s}. */
    public String bar() {
        int done = requested <= 0 ? 0 : (int) Math.min(BAR_WIDTH, BAR_WIDTH * persisted / requested);
        return "[" + "#".repeat(done) + ".".repeat(BAR_WIDTH - done) + "] "
                + String.format("%3d%% ", requested <= 0 ? 0 : 100 * persisted / requested) + counters();
    }

    /** {@code 12.0 s FETCHED: fetched 10,000 | published 8,000 | persisted 4,500 | 2,250 users/s | ETA 2 s}. */
    public String line() {
        return String.format("%5.1f s %s: ", seconds, status) + counters();
    }

    private String counters() {
        double eta = etaSeconds();
        String outlook = waitingFor != null
                ? "waiting for " + waitingFor
                : "ETA " + (eta < 0 ? "-" : String.format("%.0f s", eta));
        return String.format(
                "fetched %,d | published %,d | persisted %,d | %,.0f users/s | %s",
                fetched, published, persisted, rate(), outlook);
    }
}
