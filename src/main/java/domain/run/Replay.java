package domain.run;

import java.time.Instant;
import java.util.Objects;

import domain.event.ReplayPersisted;
import domain.event.ReplayPublished;
import domain.event.ReplayRequested;
import domain.event.RunCompleted;

/**
 * Where a run's latest replay stands (docs/adr/0010): its stored users published to Kafka again,
 * then reported persisted again. A run that was never replayed has replay {@link #NONE}.
 *
 * @param number      how many replays the run has been asked for; the latest one's number (0: never)
 * @param state       {@link State#PUBLISHING} after {@link ReplayRequested}, {@link State#PERSISTING}
 *                    after {@link ReplayPublished}, {@link State#COMPLETED} with the {@link RunCompleted}
 *                    that follows
 * @param requestedAt when the latest replay was asked for; null when never
 * @param persisted   distinct users reported persisted since the latest replay began
 *                    (the sum of its {@link ReplayPersisted} events)
 * @param completedAt when every user was persisted again; null until then
 */
public record Replay(int number, State state, Instant requestedAt, int persisted, Instant completedAt) {

    public static final Replay NONE = new Replay(0, State.NONE, null, 0, null);

    public enum State {
        /** The run was never replayed. */
        NONE,
        /** Its stored users are being published to {@code users_created} again. */
        PUBLISHING,
        /** All published; waiting for the sidecar to report each one persisted again. */
        PERSISTING,
        /** Every user of the run was reported persisted after the replay began. */
        COMPLETED
    }

    public Replay {
        Objects.requireNonNull(state, "state");
        if (number < 0 || persisted < 0) {
            throw new IllegalArgumentException(
                    "number and persisted must be >= 0, were " + number + " and " + persisted);
        }
    }

    /** Publishing or persisting: the run is not whole in Cassandra until this replay completes. */
    public boolean isUnderWay() {
        return state == State.PUBLISHING || state == State.PERSISTING;
    }

    /** True when {@code replay} is this replay's number and the replay is still under way. */
    public boolean isCurrent(int replay) {
        return replay == number && isUnderWay();
    }

    Replay requested(int newNumber, Instant at) {
        return new Replay(newNumber, State.PUBLISHING, at, 0, null);
    }

    Replay published() {
        return state == State.PUBLISHING ? new Replay(number, State.PERSISTING, requestedAt, persisted, null) : this;
    }

    Replay persistedMore(int newlyPersisted) {
        return new Replay(number, state, requestedAt, persisted + newlyPersisted, completedAt);
    }

    Replay completed(Instant at) {
        return isUnderWay() ? new Replay(number, State.COMPLETED, requestedAt, persisted, at) : this;
    }
}
