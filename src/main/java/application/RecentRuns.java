package application;

import java.util.LinkedHashMap;
import java.util.Map;

import domain.run.RunId;

/**
 * A set of run ids that keeps only the {@code capacity} most recently added or seen: memory for
 * ids that come from outside stays bounded whoever sends them. Thread-safe.
 */
final class RecentRuns {

    private final Map<RunId, Boolean> runs;

    RecentRuns(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.runs = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<RunId, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True when the run was not remembered (it is now); false when it was (it is now the most recent). */
    synchronized boolean add(RunId runId) {
        return runs.put(runId, Boolean.TRUE) == null;
    }

    synchronized int size() {
        return runs.size();
    }

    synchronized boolean contains(RunId runId) {
        return runs.containsKey(runId);
    }
}
