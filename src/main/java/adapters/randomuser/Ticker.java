package adapters.randomuser;

/** A monotonic clock in nanoseconds: the rate limiter's window must not move when the wall clock does. */
@FunctionalInterface
interface Ticker {

    long nanoTime();

    static Ticker system() {
        return System::nanoTime;
    }
}
