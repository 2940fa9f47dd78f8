package testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Kafka and Cassandra for the whole test run, started by the first test class that asks
 * for it and stopped when the run ends. Use with {@code @ExtendWith(SharedCluster.class)} and take
 * an {@link EmbeddedCluster} parameter.
 */
public final class SharedCluster implements ParameterResolver {

    private static final String KEY = SharedCluster.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    public static EmbeddedCluster cluster(ExtensionContext context) {
        return once(context, KEY, SharedCluster::start);
    }

    /** The cluster stored under {@code key} for the whole run: started by the first caller, stopped at the end. */
    static EmbeddedCluster once(ExtensionContext context, String key, Supplier<EmbeddedCluster> start) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(key, k -> new Running(start.get()), Running.class)
                .cluster();
    }

    private static EmbeddedCluster start() {
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath();
        Path workDir = Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath();
        deleteRecursively(workDir);
        return EmbeddedCluster.start(
                ClusterSettings.onFreePorts(home, workDir), line -> System.out.println("[shared-cluster] " + line));
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Running(EmbeddedCluster cluster) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
