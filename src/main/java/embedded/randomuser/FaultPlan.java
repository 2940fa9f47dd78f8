package embedded.randomuser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The faults the loopback RandomUser server applies to its next API requests (thread-safe).
 *
 * <p>Queued faults are consumed in order, one request each ({@link Fault#times(int)} repeats one).
 * Periodic faults ({@link #everyNth}) fire on every Nth API request counted from when they were
 * added, when no queued fault applies to that request. Requests carrying the {@code fault=} query
 * parameter bypass the plan (they neither consume nor count). Control requests never count.
 */
public final class FaultPlan {

    private static final class Queued {
        final Fault fault;
        int remaining;

        Queued(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private static final class Every {
        final Fault.Periodic periodic;
        long count;

        Every(Fault.Periodic periodic) {
            this.periodic = periodic;
        }
    }

    private final Deque<Queued> queue = new ArrayDeque<>();
    private final List<Every> periodic = new ArrayList<>();

    /** Appends faults to the queue, in order. */
    public synchronized FaultPlan enqueue(Fault... faults) {
        for (Fault f : faults) {
            queue.addLast(new Queued(f));
        }
        return this;
    }

    /** Applies {@code fault} to every {@code n}th API request from now on (until {@link #clear()}). */
    public synchronized FaultPlan everyNth(int n, Fault fault) {
        periodic.add(new Every(new Fault.Periodic(n, fault)));
        return this;
    }

    /** Parses a spec in the {@link Fault} text syntax and adds it; throws IllegalArgumentException on bad syntax. */
    public FaultPlan enqueue(String spec) {
        Fault.Spec parsed = Fault.parseList(spec);
        synchronized (this) {
            parsed.queued().forEach(f -> queue.addLast(new Queued(f)));
            parsed.periodic().forEach(p -> periodic.add(new Every(p)));
        }
        return this;
    }

    /** Removes all queued and periodic faults. */
    public synchronized void clear() {
        queue.clear();
        periodic.clear();
    }

    /** Queued faults not yet applied, in order (with their remaining repeat counts). */
    public synchronized List<Fault> pending() {
        List<Fault> out = new ArrayList<>();
        for (Queued q : queue) {
            out.add(q.remaining > 1 ? q.fault.times(q.remaining) : q.fault.times(1));
        }
        return out;
    }

    public synchronized List<Fault.Periodic> periodic() {
        return periodic.stream().map(e -> e.periodic).toList();
    }

    /** The fault for the next API request, or null to answer normally. */
    synchronized Fault next() {
        Fault chosen = null;
        Queued head = queue.peekFirst();
        if (head != null) {
            chosen = head.fault;
            if (--head.remaining == 0) {
                queue.pollFirst();
            }
        }
        for (Every e : periodic) {
            e.count++;
            if (chosen == null && e.count % e.periodic.n() == 0) {
                chosen = e.periodic.fault();
            }
        }
        return chosen;
    }

    /** The plan as JSON: {"queued":["429x3",...],"periodic":["every=5:503",...]}. */
    synchronized String toJson() {
        StringBuilder sb = new StringBuilder("{\"queued\":[");
        int i = 0;
        for (Fault f : pending()) {
            if (i++ > 0) {
                sb.append(',');
            }
            JsonStrings.appendQuoted(sb, f.toString());
        }
        sb.append("],\"periodic\":[");
        i = 0;
        for (Every e : periodic) {
            if (i++ > 0) {
                sb.append(',');
            }
            JsonStrings.appendQuoted(sb, e.periodic.toString());
        }
        return sb.append("]}").toString();
    }
}
