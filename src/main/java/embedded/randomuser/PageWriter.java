package embedded.randomuser;

import java.nio.charset.StandardCharsets;

/**
 * Writes a whole API response body: the requested page of users in the 1.4 envelope
 * {@code {"results":[...],"info":{"seed","results","page","version":"1.4"}}} (or {@code {"results":[...]}}
 * with {@code noinfo}).
 *
 * <p>Bodies are written into a per-thread buffer that is reused from one request to the next, so a
 * page of 5000 users costs no allocation; a buffer that grew past 64 MiB is dropped rather than kept.
 */
final class PageWriter {

    private static final byte[] RESULTS_OPEN = "{\"results\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_SEED = "],\"info\":{\"seed\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_RESULTS = ",\"results\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_PAGE = ",\"page\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO_VERSION = ",\"version\":\"1.4\"}}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_INFO_END = "]}".getBytes(StandardCharsets.US_ASCII);

    private static final ThreadLocal<ByteSink> BUFFERS = ThreadLocal.withInitial(() -> new ByteSink(1 << 20));

    private final UserWriter writer;

    PageWriter(UserWriter writer) {
        this.writer = writer;
    }

    /** Renders a full response into this thread's buffer (valid until the thread renders the next one). */
    ByteSink render(ApiRequest r) {
        ByteSink out = BUFFERS.get();
        if (out.buf.length > 64 << 20) {
            out = new ByteSink(1 << 20);
            BUFFERS.set(out);
        }
        out.reset();
        out.put(RESULTS_OPEN);
        long seedKey = UserIdentity.seedKey(r.seed, r.natKey);
        long base = (r.page - 1) * r.results;
        for (int i = 0; i < r.results; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            writer.writeUser(out, seedKey, base + i, r.pool, r.forcedGender, r.fields);
        }
        if (r.noInfo) {
            out.put(NO_INFO_END);
        } else {
            out.put(INFO_SEED)
                    .putString(r.seed)
                    .put(INFO_RESULTS)
                    .putInt(r.results)
                    .put(INFO_PAGE)
                    .putInt(r.page)
                    .put(INFO_VERSION);
        }
        return out;
    }
}
