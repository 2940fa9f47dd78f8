package embedded.randomuser;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the loopback RandomUser server (thread-safe). Every count is updated before the
 * response it describes is sent, so a client that has its answer sees it counted.
 */
public final class Stats {
    private final LongAdder requests = new LongAdder();
    private final LongAdder users = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

    /** API requests answered (faulted ones included; control requests and 404s excluded). */
    public long requests() {
        return requests.sum();
    }

    /** Users sent in complete, successful API responses. */
    public long users() {
        return users.sum();
    }

    /** Body bytes of API responses sent. */
    public long bytes() {
        return bytes.sum();
    }

    /** Faults injected, by {@link Fault#label()} ("429", "503", "slow", "garbage", ...), sorted by label. */
    public Map<String, Long> faults() {
        Map<String, Long> out = new TreeMap<>();
        faults.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long faultsTotal() {
        return faults.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public void reset() {
        requests.reset();
        users.reset();
        bytes.reset();
        faults.clear();
    }

    void recordRequest() {
        requests.increment();
    }

    void recordUsers(int n, long bodyBytes) {
        users.add(n);
        bytes.add(bodyBytes);
    }

    void recordBytes(long bodyBytes) {
        bytes.add(bodyBytes);
    }

    void recordFault(Fault f) {
        faults.computeIfAbsent(f.label(), k -> new LongAdder()).increment();
    }

    /** {"requests":N,"users":N,"bytes":N,"faultsTotal":N,"faults":{"429":N,...}}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"requests\":")
                .append(requests())
                .append(",\"users\":")
                .append(users())
                .append(",\"bytes\":")
                .append(bytes())
                .append(",\"faultsTotal\":")
                .append(faultsTotal())
                .append(",\"faults\":{");
        int i = 0;
        for (Map.Entry<String, Long> e : faults().entrySet()) {
            if (i++ > 0) {
                sb.append(',');
            }
            JsonStrings.appendQuoted(sb, e.getKey());
            sb.append(':').append(e.getValue());
        }
        return sb.append("}}").toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
