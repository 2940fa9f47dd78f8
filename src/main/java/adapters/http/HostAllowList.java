package adapters.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.javalin.http.Context;
import io.javalin.http.Header;

/**
 * Refuses a request whose {@code Host} is not a name this server answers for. On a loopback bind this
 * is the defence against DNS rebinding: a web page whose name suddenly resolves to 127.0.0.1 makes the
 * browser send its own name as Host, so the page cannot read the local API. Any port is accepted.
 */
final class HostAllowList {

    /** The names a loopback server is reached by from its own machine. */
    static final List<String> LOOPBACK_NAMES = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> names;
    private final String listed;

    private HostAllowList(List<String> names) {
        this.names = names.stream().map(HostAllowList::normalise).collect(Collectors.toUnmodifiableSet());
        this.listed = String.join(", ", names);
    }

    /** Null when every Host is accepted: a non-loopback bind without a configured list. */
    static HostAllowList of(HttpSettings settings) {
        if (!settings.allowedHosts().isEmpty()) {
            return new HostAllowList(settings.allowedHosts());
        }
        return settings.loopbackBind() ? new HostAllowList(LOOPBACK_NAMES) : null;
    }

    void requireAllowedHost(Context ctx) {
        String host = ctx.header(Header.HOST);
        if (host == null || !names.contains(normalise(withoutPort(host.trim())))) {
            // The caller's Host is not echoed: it is the attacker's text.
            throw HttpProblem.misdirected("this server answers only for Host " + listed);
        }
    }

    /** "[::1]:8080" -> "[::1]", "localhost:8080" -> "localhost"; a bare IPv6 literal has no port to strip. */
    static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    /** Case-insensitive, a trailing root dot ignored, IPv6 literals bracketed. */
    private static String normalise(String name) {
        String value = name.toLowerCase(Locale.ROOT);
        if (value.endsWith(".")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.contains(":") && !value.startsWith("[") ? "[" + value + "]" : value;
    }
}
