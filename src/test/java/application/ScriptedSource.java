package application;

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
    private volatile int holdAfterPage = Integer.MAX_VALUE;
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

    /** Pages after {@code page} wait until {@link #release()}, like a source that stalls mid-run. */
    ScriptedSource holdPagesAfter(int page) {
        this.holdAfterPage = page;
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
        queries.add(query);
        synchronized (this) {
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
        }
        List<RawProfile> profiles = new ArrayList<>();
        for (int i = 0; i < query.results(); i++) {
            long position = (long) (query.page() - 1) * query.results() + i;
            String id = UUID.nameUUIDFromBytes((query.seed() + "/" + position).getBytes()).toString();
            Map<String, Object> login = invalidEvery > 0 && (i + 1) % invalidEvery == 0 ? Map.of() : Map.of("uuid", id);
            profiles.add(new RawProfile("{\"login\":{\"uuid\":\"" + id + "\"}}",
                    Map.of("login", login, "name", Map.of("first", "Ada" + position, "last", "Lovelace"), "nat", "GB")));
        }
        return new UserPage(query, profiles, "1.4");
    }

    List<PageQuery> queries() {
        return List.copyOf(queries);
    }
}
