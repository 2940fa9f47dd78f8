package adapters.randomuser;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits. Injected so retry and rate-limit tests record waits instead of spending them. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
