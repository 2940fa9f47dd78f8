package embedded;

import java.nio.file.Path;
import java.util.List;

/**
 * A parent process for the watchdog test: starts a {@link SleepingServer} the way the cluster
 * starts real servers, prints the child's pid, then waits to be killed.
 * Arguments: work directory, the child's classpath.
 */
public final class WatchdogParentFixture {

    private WatchdogParentFixture() {}

    public static void main(String[] args) throws InterruptedException {
        Path work = Path.of(args[0]);
        Path watchdog = ServerProcess.installWatchdog(work.resolve("lib"));
        ServerProcess child = ServerProcess.start(
                "sleeper",
                JavaRuntime.current(),
                List.of("-Xmx32m"),
                args[1],
                watchdog,
                SleepingServer.class.getName(),
                List.of(),
                work.resolve("console.log"),
                work.resolve("server.log"));
        System.out.println(child.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
