package embedded;

import java.nio.file.Path;
import java.util.List;

/**
 * Why the embedded cluster could not start or stop, phrased for the person at the terminal: the
 * first line of the message says what went wrong and what to do; details (a log tail) follow.
 */
public final class EmbeddedClusterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private EmbeddedClusterException(String message) {
        super(message);
    }

    private EmbeddedClusterException(String message, Throwable cause) {
        super(message, cause);
    }

    static EmbeddedClusterException portInUse(String server, String what, int port, String setting) {
        return new EmbeddedClusterException(String.format(
                "%s cannot start: port %d (%s) on 127.0.0.1 is already in use; stop what holds it or set %s to another port",
                server, port, what, setting));
    }

    static EmbeddedClusterException unsupportedJava(String server, int found, String supported, String setting) {
        return new EmbeddedClusterException(String.format(
                "%s cannot start: it needs Java %s but this is Java %d; point %s at a supported JDK",
                server, supported, found, setting));
    }

    static EmbeddedClusterException failedToStart(String server, String reason, Path log, List<String> logTail) {
        StringBuilder message = new StringBuilder()
                .append(server)
                .append(" failed to start: ")
                .append(reason)
                .append(" (log: ")
                .append(log)
                .append(')');
        if (!logTail.isEmpty()) {
            message.append(System.lineSeparator()).append("  last lines of the log:");
            logTail.forEach(line ->
                    message.append(System.lineSeparator()).append("  | ").append(line));
        }
        return new EmbeddedClusterException(message.toString());
    }

    static EmbeddedClusterException classpathUnresolved(String server, Path mavenLog, List<String> logTail) {
        return failedToStart(server, "its classpath could not be resolved from Maven Central", mavenLog, logTail);
    }

    static EmbeddedClusterException notBuilt(String server, Path missing, String buildCommand) {
        return new EmbeddedClusterException(String.format(
                "%s is not built: %s is missing. Build it with `%s`" + " (./pipeline does this by itself).",
                server, missing, buildCommand));
    }

    static EmbeddedClusterException misconfigured(String what) {
        return new EmbeddedClusterException(what);
    }

    static EmbeddedClusterException io(String what, Throwable cause) {
        return new EmbeddedClusterException(what + ": " + cause.getMessage(), cause);
    }
}
