package adapters.randomuser;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;

import adapters.randomuser.RandomUserSettings.RateLimit;

/**
 * At most {@code limit} users requested in any sliding window. A sliding log rather than a token
 * bucket: a full bucket plus its refill lets through twice the limit within one window, and the
 * source's quota is counted per window. The log holds one entry per request, so it stays small.
 */
final class SlidingWindowRateLimiter implements UserRateLimiter {

    private record Grant(long atNanos, int users) {}

    private final int limit;
    private final long windowNanos;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final Object lock = new Object();
    private final ArrayDeque<Grant> grants = new ArrayDeque<>();
    private long usersInWindow;

    SlidingWindowRateLimiter(RateLimit rateLimit, Ticker ticker, Sleeper sleeper) {
        this.limit = rateLimit.users();
        this.windowNanos = rateLimit.window().toNanos();
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    @Override
    public void acquire(int users) throws InterruptedException {
        // a request bigger than the whole limit can never fit: let it go alone, filling the window
        int wanted = Math.min(users, limit);
        while (true) {
            long waitNanos;
            synchronized (lock) {
                long now = ticker.nanoTime();
                evictExpired(now);
                if (usersInWindow + wanted <= limit) {
                    grants.addLast(new Grant(now, wanted));
                    usersInWindow += wanted;
                    return;
                }
                waitNanos = untilRoomFor(wanted, now);
            }
            // sleep outside the lock; another thread may take the room first, hence the loop
            sleeper.sleep(Duration.ofNanos(waitNanos));
        }
    }

    private void evictExpired(long now) {
        while (!grants.isEmpty() && now - grants.peekFirst().atNanos() >= windowNanos) {
            usersInWindow -= grants.removeFirst().users();
        }
    }

    private long untilRoomFor(int wanted, long now) {
        long remaining = usersInWindow;
        for (Iterator<Grant> it = grants.iterator(); it.hasNext(); ) {
            Grant grant = it.next();
            remaining -= grant.users();
            if (remaining + wanted <= limit) {
                return Math.max(1, grant.atNanos() + windowNanos - now);
            }
        }
        return windowNanos; // unreachable: wanted <= limit, so an empty window always has room
    }
}
