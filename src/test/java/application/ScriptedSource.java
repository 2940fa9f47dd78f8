package application;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import application.port.out.FetchUserPagePort;
import application.port.out.PageQuery;
import application.port.out.UserPage;
import application.port.out.UserSourceException;
import domain.user.RawProfile;

/**
 * A source of deterministic users (same seed and position, same id) that fails as scripted:
 * each queued failure is thrown by the next fetch.
 */
final class ScriptedSource implements FetchUserPagePort {

    private final Deque<UserSourceException> failures = new ArrayDeque<>();
    private final List<PageQuery> queries = new CopyOnWriteArrayList<>();
    private int invalidEvery;
    private int badEmailEvery;
    private int numericFirstNameEvery;
    private volatile int holdAfterPage = Integer.MAX_VALUE;
    private volatile long latencyMillis;
    private final java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);

    synchronized ScriptedSource failNext(UserSourceException failure) {
        failures.add(failure);
        return this;
    }

    /** Every n-th user of a page has no login.uuid, so the domain rejects it. */
    ScriptedSource withInvalidEvery(int n) {
        this.invalidEvery = n;
        return this;
    }

    /** Every n-th user of a page has an e-mail without '@', which is stored as null. */
    ScriptedSource withBadEmailEvery(int n) {
        this.badEmailEvery = n;
        return this;
    }

    /** Every n-th user of a page has a JSON number as first name, which is kept as its digits. */
    ScriptedSource withNumericFirstNameEvery(int n) {
        this.numericFirstNameEvery = n;
        return this;
    }

    /** Pages after {@code page} wait until {@link #release()}, like a source that stalls mid-run. */
    ScriptedSource holdPagesAfter(int page) {
        this.holdAfterPage = page;
        return this;
    }

    /** Every fetch takes this long, so concurrent pages are under way at the same time. */
    ScriptedSource withLatency(Duration latency) {
        this.latencyMillis = latency.toMillis();
        return this;
    }

    void release() {
        gate.countDown();
    }

    @Override
    public UserPage fetchPage(PageQuery query) {
        if (query.page() > holdAfterPage) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserSourceException.Unavailable(query.page(), 1, "interrupted", e);
            }
        }
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserSourceException.Unavailable(query.page(), 1, "interrupted", e);
            }
        }
        queries.add(query);
        synchronized (this) {
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
        }
        List<RawProfile> profiles = new ArrayList<>();
        for (int i = 0; i < query.results(); i++) {
            long position = (long) (query.page() - 1) * query.results() + i;
            String id = UUID.nameUUIDFromBytes((query.seed() + "/" + position).getBytes())
                    .toString();
            Map<String, Object> login = invalidEvery > 0 && (i + 1) % invalidEvery == 0 ? Map.of() : Map.of("uuid", id);
            Object first =
                    numericFirstNameEvery > 0 && (i + 1) % numericFirstNameEvery == 0 ? position : "Ada" + position;
            String email =
                    badEmailEvery > 0 && (i + 1) % badEmailEvery == 0 ? "nobody" : "ada" + position + "@example.com";
            profiles.add(new RawProfile(
                    "{\"login\":{\"uuid\":\"" + id + "\"}}",
                    Map.of(
                            "login",
                            login,
                            "name",
                            Map.of("first", first, "last", "Lovelace"),
                            "email",
                            email,
                            "nat",
                            "GB")));
        }
        return new UserPage(query, profiles, "1.4");
    }

    List<PageQuery> queries() {
        return List.copyOf(queries);
    }
}
