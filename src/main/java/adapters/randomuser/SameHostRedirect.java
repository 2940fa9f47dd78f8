package adapters.randomuser;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import application.port.out.UserSourceException.RejectedRequest;

/**
 * The redirects the adapter follows itself (the JDK client follows none): only to the same scheme,
 * host and port, such as a base URL missing its trailing slash, and only a few in a row. A redirect
 * elsewhere would send the page's query, and trust in the answer, to a host nobody configured.
 */
final class SameHostRedirect {

    static final int MAX_REDIRECTS = 3;

    private SameHostRedirect() {}

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /**
     * @param redirectsSoFar redirects already followed for this request
     * @throws RejectedRequest when there is no usable Location, it names another origin, or there were too many
     */
    static URI next(URI from, int status, HttpHeaders headers, int redirectsSoFar, int page) {
        Optional<String> location = headers.firstValue("Location");
        if (location.isEmpty() || location.get().isBlank()) {
            throw new RejectedRequest(page, "HTTP " + status + " without a Location header");
        }
        URI target;
        try {
            target = from.resolve(location.get().strip());
        } catch (IllegalArgumentException e) {
            throw new RejectedRequest(
                    page, "HTTP " + status + " to an invalid Location " + BodySnippet.clean(location.get(), 100));
        }
        if (!sameOrigin(from, target)) {
            throw new RejectedRequest(
                    page,
                    "HTTP " + status + " redirect to another origin (" + origin(target)
                            + "), not followed: point the source URL at it if it is meant");
        }
        if (redirectsSoFar >= MAX_REDIRECTS) {
            throw new RejectedRequest(page, "more than " + MAX_REDIRECTS + " redirects in a row");
        }
        return target;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return b.getScheme() != null
                && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static String origin(URI uri) {
        String scheme = Objects.toString(uri.getScheme(), "?").toLowerCase(Locale.ROOT);
        return scheme + "://" + BodySnippet.clean(Objects.toString(uri.getHost(), "?"), 100) + ":" + port(uri);
    }

    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
