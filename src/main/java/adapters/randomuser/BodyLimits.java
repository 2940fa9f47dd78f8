package adapters.randomuser;

/**
 * How many bytes a response may have, on the wire and once inflated: a page's share per requested
 * user plus room for the envelope, so a small page is not allowed a big page's bytes. The figures
 * and the page size they come from are in docs/contracts.md (RandomUser source).
 */
final class BodyLimits {

    /** Four times a pretty-printed profile, seven times a compact one. */
    static final int BYTES_PER_USER = 8192;

    /** The {@code info} object and error bodies, which do not grow with the page. */
    static final int ENVELOPE_BYTES = 64 * 1024;

    private BodyLimits() {}

    static int maxBytes(int requestedUsers) {
        return ENVELOPE_BYTES + requestedUsers * BYTES_PER_USER;
    }
}
