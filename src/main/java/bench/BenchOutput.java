package bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import localstack.WorkDir;

/** What every benchmark does around its measurements: progress lines and a clean work dir. */
final class BenchOutput {

    private BenchOutput() {}

    static void progress(PrintWriter out, String line) {
        out.println("  " + line);
        out.flush();
    }

    /** The benchmark's work dir, the option's or {@code <project>/work/<name>}, wiped (see {@link WorkDir#deleteRecursively}). */
    static Path freshWorkDir(Path option, Path projectHome, String name) throws IOException {
        Path work = option != null
                ? option.toAbsolutePath()
                : projectHome.resolve("work").resolve(name);
        WorkDir.deleteRecursively(work);
        return work;
    }

    static long directorySize(Path dir) throws IOException {
        return directorySize(dir, "");
    }

    /**
     * Bytes of the files under {@code dir} whose names end with {@code suffix}. Kafka's index files
     * are sparse and preallocated (10 MiB each), so for Kafka only the {@code .log} segments count.
     */
    static long directorySize(Path dir, String suffix) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(suffix))
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
    }
}
