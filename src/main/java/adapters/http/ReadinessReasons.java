package adapters.http;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /ready} tells about a dependency: "ok", or a word-level reason an operator can act on.
 * A probe's own text names hosts, ports, keyspaces and exception classes, which are nobody's business
 * outside the server: it goes to the log under an id the answer quotes.
 */
final class ReadinessReasons {

    static final String OK = "ok";
    static final String TIMED_OUT = "timed out";
    static final String NOT_ANSWERING = "not answering";

    private static final Logger log = LoggerFactory.getLogger(ReadinessReasons.class);

    private ReadinessReasons() {}

    static String forClient(String dependency, String probe) {
        if (OK.equals(probe)) {
            return OK;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.warn("readiness: {} is not ready (id {}): {}", dependency, id, probe);
        return reason(probe) + " (id " + id + ")";
    }

    private static String reason(String probe) {
        String text = probe == null ? "" : probe.toLowerCase(Locale.ROOT);
        return text.contains("timed out") || text.contains("timeout") ? TIMED_OUT : NOT_ANSWERING;
    }
}
