package cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real cqlsh, from PyPI, in a virtual environment of the project's own ({@code .venv/cqlsh}),
 * installed on first use with pip's own progress on the terminal. Pinned: cqlsh {@value #VERSION}
 * (with its cassandra-driver wheels) runs on Python 3.8+ and speaks to Cassandra 5.0.
 */
final class CqlshInstall {

    static final String VERSION = "6.2.2";
    private static final long INSTALL_TIMEOUT_MINUTES = 10;

    private CqlshInstall() {}

    /** The cqlsh executable, installing it first when the venv lacks it or holds another version. */
    static Path ensure(Path projectHome, PrintWriter out) throws IOException, InterruptedException {
        Path venv = projectHome.resolve(".venv").resolve("cqlsh");
        Path cqlsh = venv.resolve("bin").resolve("cqlsh");
        Path marker = venv.resolve("installed-" + VERSION);
        if (Files.isExecutable(cqlsh) && Files.exists(marker)) {
            return cqlsh;
        }
        String python = findPython();
        out.printf("Installing cqlsh %s from PyPI into %s (first use only) ...%n", VERSION, venv);
        out.flush();
        run(
                List.of(python, "-m", "venv", "--clear", venv.toString()),
                "create the virtual environment " + venv + " (on Debian/Ubuntu: apt-get install python3-venv)");
        run(
                List.of(
                        venv.resolve("bin").resolve("pip").toString(),
                        "install",
                        "--disable-pip-version-check",
                        "cqlsh==" + VERSION),
                "install cqlsh " + VERSION + " from PyPI");
        Files.writeString(marker, "cqlsh " + VERSION + "\n");
        out.printf("cqlsh %s installed.%n", VERSION);
        out.flush();
        return cqlsh;
    }

    private static String findPython() {
        for (String candidate : List.of("python3", "python")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, candidate))) {
                    return Path.of(dir, candidate).toString();
                }
            }
        }
        throw new IllegalStateException("cqlsh needs Python 3.8 or newer, and no python3 is on the PATH: install it"
                + " (Debian/Ubuntu: apt-get install python3 python3-venv)");
    }

    /** Runs a step with the terminal attached, so pip's progress shows; a failure names the step. */
    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "could not " + what + ": timed out after " + INSTALL_TIMEOUT_MINUTES + " min");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(
                    "could not " + what + " (exit code " + process.exitValue() + ", see the output above)");
        }
    }
}
