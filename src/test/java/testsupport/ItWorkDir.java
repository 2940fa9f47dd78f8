package testsupport;

import java.nio.file.Path;

/** Where an integration test keeps the data and logs of the servers and apps it starts itself. */
public final class ItWorkDir {

    private ItWorkDir() {}

    /**
     * {@code name} beside the shared cluster's work dir ({@code target/}): under the build dir so that
     * {@code mvn clean} removes it, and not under /tmp, where the sidecar refuses to keep a checkpoint.
     */
    public static Path named(String name) {
        return Path.of(System.getProperty("pipeline.it.work-dir", "target/it-cluster"))
                .toAbsolutePath()
                .getParent()
                .resolve(name);
    }
}
