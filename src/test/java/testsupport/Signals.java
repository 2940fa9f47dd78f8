package testsupport;

import java.io.IOException;
import java.time.Duration;

/** Signals a process as {@code kill -SIGNAL pid} does: for faults that a JDK process handle cannot send. */
public final class Signals {

    private Signals() {}

    /**
     * {@code STOP} freezes a JVM the way a long GC pause or a starved VM does (it stays alive, its
     * sockets stay open, it answers nothing); {@code CONT} thaws it.
     */
    public static void send(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException(
                    "kill -" + signal + " " + pid + " failed (exit code " + kill.exitValue() + ")");
        }
    }

    /** A process frozen by {@link #freeze}; closing thaws it. */
    public interface Frozen extends AutoCloseable {
        @Override
        void close() throws IOException, InterruptedException;
    }

    /**
     * SIGSTOP now, SIGCONT on {@link Frozen#close()}. A shell thaws it anyway after {@code atMost},
     * should this JVM die first: a stopped server cannot notice that its parent is gone, and would
     * stay frozen and hold its ports for good.
     */
    public static Frozen freeze(long pid, Duration atMost) throws IOException, InterruptedException {
        Process safetyNet = new ProcessBuilder(
                        "sh", "-c", "sleep " + atMost.toSeconds() + "; kill -CONT " + pid + " 2>/dev/null")
                .start();
        send("STOP", pid);
        return () -> {
            try {
                send("CONT", pid);
            } finally {
                safetyNet.destroy();
            }
        };
    }
}
