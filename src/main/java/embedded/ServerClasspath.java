package embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The classpath of one embedded server, resolved from Maven Central by the project's own build:
 * {@code servers/<name>/pom.xml} declares the server's artifacts, and the Maven wrapper writes their
 * resolved jars to {@code servers/<name>/target/classpath.txt}. Each server gets its own classpath
 * because Kafka, Cassandra and the app clash on Scala, Guava, Jackson and Netty.
 */
final class ServerClasspath {

    private static final long RESOLVE_TIMEOUT_MINUTES = 20;

    private ServerClasspath() {}

    static String resolve(Path projectHome, String server, String displayName, Consumer<String> progress) {
        Path pom = projectHome.resolve("servers").resolve(server).resolve("pom.xml");
        Path output = pom.resolveSibling("target").resolve("classpath.txt");
        if (isUpToDate(pom, output)) {
            return read(output);
        }
        progress.accept("Resolving the " + displayName + " classpath from Maven Central (first run only)...");
        Path mavenLog = pom.resolveSibling("target").resolve("resolve.log");
        runMaven(projectHome, pom, output, mavenLog, displayName);
        return read(output);
    }

    private static boolean isUpToDate(Path pom, Path output) {
        try {
            if (!Files.isRegularFile(output)
                    || Files.getLastModifiedTime(output).compareTo(Files.getLastModifiedTime(pom)) < 0) {
                return false;
            }
            // a cleaned local Maven repository makes a cached classpath point at nothing
            return Arrays.stream(read(output).split(java.io.File.pathSeparator))
                    .allMatch(jar -> Files.isRegularFile(Path.of(jar)));
        } catch (IOException e) {
            return false;
        }
    }

    private static void runMaven(Path projectHome, Path pom, Path output, Path mavenLog, String displayName) {
        Path mvnw = projectHome.resolve("mvnw");
        List<String> command = List.of(
                mvnw.toString(),
                "-B",
                "-q",
                "-f",
                pom.toString(),
                "dependency:build-classpath",
                "-Dmdep.includeScope=runtime",
                "-Dmdep.outputFile=" + output);
        try {
            Files.createDirectories(mavenLog.getParent());
            Process maven = new ProcessBuilder(command)
                    .directory(projectHome.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(mavenLog.toFile())
                    .start();
            maven.getOutputStream().close();
            boolean finished = maven.waitFor(RESOLVE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                maven.destroyForcibly();
            }
            if (!finished || maven.exitValue() != 0 || !Files.isRegularFile(output)) {
                throw EmbeddedClusterException.classpathUnresolved(displayName, mavenLog, LogTail.of(mavenLog, 15));
            }
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot run " + mvnw, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EmbeddedClusterException.io("interrupted while resolving the " + displayName + " classpath", e);
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw EmbeddedClusterException.io("cannot read " + output, e);
        }
    }
}
