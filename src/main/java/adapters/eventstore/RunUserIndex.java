package adapters.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import domain.run.RunId;
import domain.user.UserId;

/**
 * Where each user a run fetched sits in its {@link RunPageTable} rows: a page and a place. Read from
 * those rows when a report names ids it does not know yet (a page stored since, by this instance or
 * another), and kept for the runs reported on last, so a run's ids are read once, not per report.
 * The ids are kept in sorted arrays, 24 bytes a user, searched by halving.
 */
final class RunUserIndex {

    /** Runs kept; a run whose reports keep coming stays, the others are read again if needed. */
    private static final int RUNS = 8;

    private static final int MAX_SEGMENTS = 16;

    private final Map<RunId, Run> runs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RunId, Run> eldest) {
            return size() > RUNS;
        }
    };

    /** A user's place: its page and its index in that page's ids. */
    record Place(int page, int index) {}

    /**
     * The places of those of {@code ids} the run fetched (an id the run fetched twice has two); the
     * ids absent from the result the run never fetched. Must run in the caller's transaction.
     */
    synchronized Map<UserId, List<Place>> locate(Connection connection, RunId runId, Set<UserId> ids)
            throws SQLException {
        Run run = runs.computeIfAbsent(runId, id -> new Run());
        Map<UserId, List<Place>> found = run.find(ids);
        if (found.size() < ids.size()) {
            // ids not found: perhaps of pages stored since this run was read, by this instance or another
            if (run.readNewPages(connection, runId)) {
                found = run.find(ids);
            }
        }
        return found;
    }

    private static final class Run {
        private final Set<Integer> pagesRead = new HashSet<>();
        private final List<Segment> segments = new ArrayList<>();

        Map<UserId, List<Place>> find(Set<UserId> ids) {
            Map<UserId, List<Place>> found = new HashMap<>();
            for (UserId id : ids) {
                for (Segment segment : segments) {
                    segment.find(
                            id.value(),
                            place -> found.computeIfAbsent(id, k -> new ArrayList<>(1))
                                    .add(place));
                }
            }
            return found;
        }

        /** Reads the run's pages not read yet; false when there were none. */
        boolean readNewPages(Connection connection, RunId runId) throws SQLException {
            List<Integer> unread = new ArrayList<>();
            for (int page : RunPageTable.pagesOf(connection, runId)) {
                if (!pagesRead.contains(page)) {
                    unread.add(page);
                }
            }
            if (unread.isEmpty()) {
                return false;
            }
            segments.add(Segment.of(RunPageTable.idsOf(connection, runId, unread)));
            pagesRead.addAll(unread);
            if (segments.size() > MAX_SEGMENTS) {
                Segment merged = Segment.merge(segments);
                segments.clear();
                segments.add(merged);
            }
            return true;
        }
    }

    /** Ids sorted by (most, least) significant bits, with each one's page and index in it. */
    private record Segment(long[] most, long[] least, long[] places) {

        static Segment of(Map<Integer, UUID[]> pages) {
            int size = pages.values().stream().mapToInt(ids -> ids.length).sum();
            Segment segment = new Segment(new long[size], new long[size], new long[size]);
            int at = 0;
            for (Map.Entry<Integer, UUID[]> page : pages.entrySet()) {
                UUID[] ids = page.getValue();
                for (int i = 0; i < ids.length; i++, at++) {
                    segment.most[at] = ids[i].getMostSignificantBits();
                    segment.least[at] = ids[i].getLeastSignificantBits();
                    segment.places[at] = ((long) page.getKey() << 32) | (i & 0xFFFFFFFFL);
                }
            }
            segment.sort(0, size - 1);
            return segment;
        }

        static Segment merge(List<Segment> segments) {
            int size = segments.stream().mapToInt(s -> s.most.length).sum();
            Segment merged = new Segment(new long[size], new long[size], new long[size]);
            int at = 0;
            for (Segment s : segments) {
                System.arraycopy(s.most, 0, merged.most, at, s.most.length);
                System.arraycopy(s.least, 0, merged.least, at, s.least.length);
                System.arraycopy(s.places, 0, merged.places, at, s.places.length);
                at += s.most.length;
            }
            merged.sort(0, size - 1);
            return merged;
        }

        void find(UUID id, java.util.function.Consumer<Place> place) {
            long m = id.getMostSignificantBits();
            long l = id.getLeastSignificantBits();
            int low = 0;
            int high = most.length - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = compare(mid, m, l);
                if (c < 0) {
                    low = mid + 1;
                } else if (c > 0) {
                    high = mid - 1;
                } else {
                    // an id the run fetched more than once sits beside its twins
                    int first = mid;
                    while (first > 0 && compare(first - 1, m, l) == 0) {
                        first--;
                    }
                    for (int i = first; i < most.length && compare(i, m, l) == 0; i++) {
                        place.accept(new Place((int) (places[i] >> 32), (int) places[i]));
                    }
                    return;
                }
            }
        }

        private int compare(int i, long m, long l) {
            int c = Long.compare(most[i], m);
            return c != 0 ? c : Long.compare(least[i], l);
        }

        /** Quicksort of the three arrays together, by (most, least). */
        private void sort(int from, int to) {
            while (from < to) {
                int mid = (from + to) >>> 1;
                long pm = most[mid];
                long pl = least[mid];
                int i = from;
                int j = to;
                while (i <= j) {
                    while (compare(i, pm, pl) < 0) {
                        i++;
                    }
                    while (compare(j, pm, pl) > 0) {
                        j--;
                    }
                    if (i <= j) {
                        swap(i++, j--);
                    }
                }
                // recurse into the smaller half, loop on the larger: the stack stays shallow
                if (j - from < to - i) {
                    sort(from, j);
                    from = i;
                } else {
                    sort(i, to);
                    to = j;
                }
            }
        }

        private void swap(int a, int b) {
            long t = most[a];
            most[a] = most[b];
            most[b] = t;
            t = least[a];
            least[a] = least[b];
            least[b] = t;
            t = places[a];
            places[a] = places[b];
            places[b] = t;
        }
    }
}
