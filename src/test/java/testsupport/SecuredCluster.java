package testsupport;

import java.nio.file.Path;

import embedded.ClusterSettings;
import embedded.EmbeddedCluster;
import embedded.ServerCredentials;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A second real Kafka and Cassandra for the whole test run that demand a login ({@link #CREDENTIALS}):
 * Kafka has only a SASL/PLAIN listener, Cassandra runs {@code PasswordAuthenticator}. Started by the
 * first test class that asks, stopped when the run ends. Use with
 * {@code @ExtendWith(SecuredCluster.class)} and take an {@link EmbeddedCluster} parameter.
 */
public final class SecuredCluster implements ParameterResolver {

    public static final ServerCredentials CREDENTIALS = new ServerCredentials("pipeline", "it-secret-7Qx2");

    private static final String KEY = SecuredCluster.class.getName();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedCluster.once(context, KEY, SecuredCluster::start);
    }

    private static EmbeddedCluster start() {
        Path home = Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath();
        Path workDir = ItWorkDir.named("secured-cluster");
        SharedCluster.deleteRecursively(workDir);
        long begin = System.nanoTime();
        EmbeddedCluster cluster = EmbeddedCluster.start(
                ClusterSettings.onFreePorts(home, workDir).withCredentials(CREDENTIALS),
                line -> System.out.println("[secured-cluster] " + line));
        System.out.printf("[secured-cluster] up in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        return cluster;
    }
}
