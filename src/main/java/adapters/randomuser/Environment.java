package adapters.randomuser;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything about time and chance the adapter depends on, in one place so tests can replace it.
 *
 * @param clock  wall time, only to read HTTP-date {@code Retry-After} values
 * @param jitter fractions in [0, 1] that scale each backoff bound
 */
record Environment(Sleeper sleeper, Ticker ticker, Clock clock, DoubleSupplier jitter) {

    Environment {
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(jitter, "jitter");
    }

    static Environment system() {
        return new Environment(
                Sleeper.system(),
                Ticker.system(),
                Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
