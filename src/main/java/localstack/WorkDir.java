package localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Wiping a work dir: {@code ./pipeline demo --fresh} and every benchmark start from nothing. */
public final class WorkDir {

    private WorkDir() {}

    /** A benchmark starts from nothing: data left by an earlier run would skew its figures. */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
