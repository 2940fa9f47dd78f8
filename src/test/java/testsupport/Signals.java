package testsupport;

import java.io.IOException;

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
}
