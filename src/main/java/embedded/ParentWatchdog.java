package embedded;

import java.io.IOException;
import java.util.Arrays;

/**
 * Entry point of every child server JVM: it runs the server's real main class and ends the JVM when
 * the parent pipeline process is gone, however it died (Ctrl-C, kill -9, crash).
 *
 * <p>The parent keeps the write end of the child's stdin pipe; the kernel closes it when the parent
 * dies, so end-of-file on stdin is a reliable "parent gone" signal that needs no polling. This class
 * is copied on its own into the child's classpath, so it must depend on nothing but the JDK and must
 * not compile to more than one class file (lambdas are fine, nested classes are not).
 */
public final class ParentWatchdog {

    /** How long the server's own shutdown hooks get before the JVM is halted. */
    private static final long SHUTDOWN_GRACE_MILLIS = 30_000;

    private ParentWatchdog() {}

    /** Arguments: the server's main class, then its own arguments. */
    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ParentWatchdog <main-class> [args...]");
        }
        Thread watcher = new Thread(ParentWatchdog::exitWhenParentIsGone, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        String[] serverArgs = Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) serverArgs);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void exitWhenParentIsGone() {
        try {
            while (System.in.read() != -1) {
                // the parent never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file: the parent is gone
        }
        System.err.println("[watchdog] the parent pipeline process is gone: stopping this server");
        Thread halter = new Thread(
                () -> {
                    try {
                        Thread.sleep(SHUTDOWN_GRACE_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    Runtime.getRuntime().halt(1);
                },
                "watchdog-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
