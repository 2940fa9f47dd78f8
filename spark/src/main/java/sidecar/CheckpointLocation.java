package sidecar;

import static sidecar.SettingRules.invalid;
import static sidecar.SettingRules.requireNotBlank;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Structured Streaming may keep its checkpoint: a local absolute path, or a Hadoop URI such as
 * {@code hdfs://} or {@code s3a://}.
 *
 * <p>The checkpoint holds the Kafka offsets and the commit log that make the Cassandra writes
 * exactly-once in effect. /tmp (and java.io.tmpdir) are wiped at reboot or by tmp cleaners; losing the
 * checkpoint silently restarts the query from the configured starting offsets. So a checkpoint dir
 * set apart from the work dir must not be in a temp dir: that is a mistake to refuse. Inside the work
 * dir it follows the user's own choice of where the project keeps its data (a clone under /tmp, say):
 * it is accepted, with a {@linkplain #temporaryDirWarning warning} that says what is at stake.
 */
final class CheckpointLocation {

    // A URI scheme of two or more letters; one letter would be a Windows drive, i.e. a local path.
    private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:");

    private CheckpointLocation() {}

    /**
     * Checks {@code value} (the checkpoint location, reported as {@code name}) against the work dir
     * {@code workDir} (an absolute, normalized local path).
     */
    static void require(String name, String value, Path workDir) {
        Optional<Path> local = localPath(name, value);
        if (local.isEmpty()) {
            return; // hdfs://, s3a://, ...: durable storage owned by the cluster.
        }
        Path path = local.get();
        if (path.startsWith(workDir)) {
            return; // the user put the work dir there: temporaryDirWarning says what that risks
        }
        Optional<Path> temp = temporaryDirOf(path);
        if (temp.isPresent()) {
            throw invalid(
                    name,
                    value,
                    "must not be under " + temp.get() + " outside the work dir " + workDir + ": temporary"
                            + " directories are wiped at reboot, and a lost checkpoint breaks exactly-once processing;"
                            + " use a directory under PIPELINE_WORK_DIR or durable storage");
        }
    }

    /**
     * The warning for a checkpoint that {@link #require} accepted in a temp dir because the work dir
     * itself is there; empty when the checkpoint is not in a temp dir.
     */
    static Optional<String> temporaryDirWarning(String value, Path workDir) {
        Optional<Path> local = localPath("checkpointDir", value);
        Optional<Path> temp = local.flatMap(CheckpointLocation::temporaryDirOf);
        return temp.map(dir -> "the Spark checkpoint dir " + local.get() + " is under " + dir
                + " because the work dir " + workDir + " is: the OS may wipe " + dir + " (at reboot or by a tmp"
                + " cleaner), and with the checkpoint the query loses its exactly-once progress and reads"
                + " users_created again from the earliest offset; to keep it, choose a work dir outside " + dir
                + " (PIPELINE_WORK_DIR, ./pipeline --work-dir)");
    }

    /** An explicitly given location, checked; a local path comes back normalized, a URI verbatim. */
    static String explicit(String name, String value, Path workDir) {
        require(name, value, workDir);
        return hasUriScheme(value) ? value : Path.of(value).normalize().toString();
    }

    /**
     * The default location, {@code spark/checkpoints} under the work dir. Absolute, so the printed
     * settings say where the checkpoints really are.
     */
    static String underWorkDir(Path workDir) {
        return workDir.resolve("spark").resolve("checkpoints").toString();
    }

    /** The work dir {@code value} as an absolute, normalized path, checked. */
    static Path workDir(String name, String value) {
        requireNotBlank(name, value);
        return toPath(name, value).toAbsolutePath().normalize();
    }

    /** The normalized local path of a checkpoint location; empty for a cluster file system URI. */
    private static Optional<Path> localPath(String name, String value) {
        requireNotBlank(name, value);
        boolean fileUri = value.regionMatches(true, 0, "file:", 0, 5);
        if (hasUriScheme(value) && !fileUri) {
            return Optional.empty();
        }
        Path path = fileUri ? fileUriToPath(name, value) : toPath(name, value);
        if (!path.isAbsolute()) {
            throw invalid(
                    name,
                    value,
                    "must be an absolute path (a relative checkpoint dir moves with the"
                            + " working directory, and the query would silently start over)");
        }
        return Optional.of(path.normalize());
    }

    private static Optional<Path> temporaryDirOf(Path path) {
        for (Path temp : temporaryDirs()) {
            if (path.startsWith(temp)) {
                return Optional.of(temp);
            }
        }
        return Optional.empty();
    }

    private static Path[] temporaryDirs() {
        Path tmp = Path.of("/tmp");
        String javaTmp = System.getProperty("java.io.tmpdir");
        if (javaTmp == null || javaTmp.isBlank()) {
            return new Path[] {tmp};
        }
        return new Path[] {tmp, Path.of(javaTmp).toAbsolutePath().normalize()};
    }

    private static boolean hasUriScheme(String value) {
        return URI_SCHEME.matcher(value).find();
    }

    private static Path fileUriToPath(String name, String value) {
        try {
            return Path.of(URI.create(value));
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw invalid(name, value, "must be a valid file: URI with an absolute path (" + e.getMessage() + ")");
        }
    }

    private static Path toPath(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(name, value, "must be a valid path (" + e.getReason() + ")");
        }
    }
}
