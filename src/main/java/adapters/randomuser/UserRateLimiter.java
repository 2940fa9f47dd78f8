package adapters.randomuser;

/** Throttles requests by the number of users they ask for, which is what RandomUser's quota counts. */
interface UserRateLimiter {

    /** Returns once {@code users} more users may be requested, waiting if need be. */
    void acquire(int users) throws InterruptedException;

    static UserRateLimiter unlimited() {
        return users -> {};
    }
}
