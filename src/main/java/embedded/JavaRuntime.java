package embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which {@code java} launches a child server, and whether that server supports its version. */
final class JavaRuntime {

    static final String CASSANDRA_JAVA_HOME_VARIABLE = "PIPELINE_CASSANDRA_JAVA_HOME";
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(1\\.)?(\\d+)");

    private JavaRuntime() {}

    static Path current() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The JDK for Cassandra: {@value #CASSANDRA_JAVA_HOME_VARIABLE} if set, else the one running us. */
    static Path forCassandra() {
        Optional<Path> override = Optional.ofNullable(System.getenv(CASSANDRA_JAVA_HOME_VARIABLE))
                .filter(home -> !home.isBlank())
                .map(Path::of);
        Path home = override.orElse(Path.of(System.getProperty("java.home")));
        int feature = override.isPresent()
                ? featureVersionOf(home)
                : Runtime.version().feature();
        requireSupported(CassandraServer.NAME, feature, CassandraServer.SUPPORTED_JAVA);
        return home.resolve("bin").resolve("java");
    }

    static void requireSupported(String server, int feature, List<Integer> supported) {
        if (!supported.contains(feature)) {
            String versions =
                    String.join(" or ", supported.stream().map(String::valueOf).toList());
            throw EmbeddedClusterException.unsupportedJava(server, feature, versions, CASSANDRA_JAVA_HOME_VARIABLE);
        }
    }

    /** Reads the feature version from a JDK's {@code release} file, without starting it. */
    static int featureVersionOf(Path javaHome) {
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(javaHome.resolve("release")));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(2));
            }
        } catch (IOException e) {
            // reported below
        }
        throw EmbeddedClusterException.io(
                "cannot tell the Java version of " + javaHome,
                new IOException("no JAVA_VERSION in " + javaHome.resolve("release")));
    }
}
