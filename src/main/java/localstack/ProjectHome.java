package localstack;

import java.nio.file.Path;

/** The project checkout, where the local stack, its work dir and the benchmark results live. */
public final class ProjectHome {

    private ProjectHome() {}

    /** Set by the ./pipeline script and the test runner ({@code pipeline.home}), else the working directory. */
    public static Path path() {
        return Path.of(System.getProperty("pipeline.home", "."))
                .toAbsolutePath()
                .normalize();
    }
}
