package embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One embedded server under a supervisor: when its JVM dies on its own (a crash, {@code kill -9}, the
 * OOM killer) a watcher thread starts it again the same way (same ports, same data dir) after a
 * backoff, as often as the {@link RestartPolicy} allows, and says so each time on the output and in
 * the server's console log. After the last failed try it gives up, with the reason in
 * {@link #failure()}; stopping the rest of the stack is the owner's call, never the watcher's.
 *
 * <p>{@link #close()} ends supervision before it stops the server, so a clean shutdown (Ctrl-C,
 * {@code ./pipeline down}) never triggers a restart.
 */
final class SupervisedServer implements AutoCloseable {

    /** Starts a new JVM of the server, without waiting for it to be ready. */
    @FunctionalInterface
    interface Launcher {
        ServerProcess launch();
    }

    private final String name;
    private final Launcher launcher;
    private final ServerProcess.ReadinessProbe probe;
    private final Duration readyTimeout;
    private final RestartPolicy policy;
    private final Consumer<String> output;
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Object lock = new Object();

    private ServerProcess current; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile String failure;

    private SupervisedServer(
            String name,
            Launcher launcher,
            ServerProcess.ReadinessProbe probe,
            Duration readyTimeout,
            RestartPolicy policy,
            Consumer<String> output,
            ServerProcess first) {
        this.name = name;
        this.launcher = launcher;
        this.probe = probe;
        this.readyTimeout = readyTimeout;
        this.policy = policy;
        this.output = output;
        this.current = first;
    }

    /**
     * Launches the server, waits until {@code probe} passes (failing as {@link ServerProcess#awaitReady}
     * does: a first start that fails is a configuration problem, never retried), then supervises it.
     */
    static SupervisedServer start(
            String name,
            Launcher launcher,
            ServerProcess.ReadinessProbe probe,
            Duration readyTimeout,
            RestartPolicy policy,
            Consumer<String> output) {
        ServerProcess first = launcher.launch();
        first.awaitReady(probe, readyTimeout);
        SupervisedServer server = new SupervisedServer(name, launcher, probe, readyTimeout, policy, output, first);
        Thread watcher = new Thread(() -> server.watch(first), "supervisor-" + name.replace(' ', '-'));
        // never holds the JVM up: the owner's shutdown (or its watchdog) stops the servers
        watcher.setDaemon(true);
        watcher.start();
        return server;
    }

    private void watch(ServerProcess first) {
        ServerProcess process = first;
        long upSince = System.nanoTime();
        int attempt = 0;
        while (true) {
            int code;
            try {
                code = process.awaitExit();
            } catch (InterruptedException e) {
                return;
            }
            long exitedAt = System.nanoTime();
            if (isClosed()) {
                return;
            }
            if (exitedAt - upSince >= policy.stableAfter().toNanos()) {
                attempt = 0;
            }
            String reason = "exited (code " + code + ")";
            if (!policy.restarts()) {
                say(process, name + " " + reason + "; restarts are off, so it stays down");
                failure = name + " " + reason + " and restarts are off (log: " + process.serverLog() + ")";
                return;
            }
            ServerProcess back = null;
            while (back == null) {
                if (attempt >= policy.maxRestarts()) {
                    failure = String.format(
                            "%s gave up after %d restart%s in a row: it %s%s",
                            name,
                            attempt,
                            attempt == 1 ? "" : "s",
                            reason,
                            // a failed start already names its log
                            reason.contains("(log: ") ? "" : " (log: " + process.serverLog() + ")");
                    say(process, failure);
                    return;
                }
                attempt++;
                Duration delay = policy.delayBefore(attempt);
                say(
                        process,
                        String.format(
                                "%s %s; restarting in %s, attempt %d of %d",
                                name, reason, seconds(delay), attempt, policy.maxRestarts()));
                if (awaitClosing(delay)) {
                    return;
                }
                try {
                    ServerProcess next = launchUnlessClosed();
                    if (next == null) {
                        return;
                    }
                    process = next;
                    next.awaitReady(probe, readyTimeout);
                    back = next;
                } catch (RuntimeException e) {
                    if (isClosed()) {
                        return;
                    }
                    reason = "did not come back: " + firstLine(e.getMessage());
                }
            }
            upSince = System.nanoTime();
            say(
                    back,
                    String.format(
                            "%s is back: ready again %s after it went down (pid %d, attempt %d of %d)",
                            name,
                            seconds(Duration.ofNanos(upSince - exitedAt)),
                            back.pid(),
                            attempt,
                            policy.maxRestarts()));
            restartListeners.forEach(Runnable::run);
        }
    }

    private ServerProcess launchUnlessClosed() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            current = launcher.launch();
            return current;
        }
    }

    private boolean awaitClosing(Duration delay) {
        try {
            return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void say(ServerProcess process, String line) {
        process.note(line);
        output.accept(line);
    }

    /** Called after each successful restart (e.g. to record the new pid). */
    void onRestart(Runnable listener) {
        restartListeners.add(listener);
    }

    /** The pid of the server's current JVM (a new one after each restart). */
    long pid() {
        synchronized (lock) {
            return current.pid();
        }
    }

    /** True while the current JVM is alive; false while it is being restarted. */
    boolean isAlive() {
        synchronized (lock) {
            return current.isAlive();
        }
    }

    /** Up, or down and being restarted: false once supervision gave up, or after {@link #close()}. */
    boolean isRunning() {
        return !isClosed() && failure == null;
    }

    /** Why the server is down for good, once the supervisor gave up on it. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    Path serverLog() {
        synchronized (lock) {
            return current.serverLog();
        }
    }

    /** Ends supervision first, then stops the server cleanly (SIGTERM, then SIGKILL). Idempotent. */
    @Override
    public void close() {
        ServerProcess last;
        synchronized (lock) {
            closed = true;
            last = current;
        }
        closing.countDown();
        last.close();
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format("%.1f s", millis / 1000.0);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
