package cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import embedded.randomuser.RandomUserServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline source}: the RandomUser-compatible loopback server, for demos and manual fault tests. */
@Command(
        name = "source",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a RandomUser-compatible API (1.4 JSON) on 127.0.0.1 until Ctrl-C.",
            "Deterministic per seed. Inject failures with e.g.",
            "  curl -X POST --data '429x3,503,garbage,truncated,slow=2000ms' http://127.0.0.1:PORT/_control/faults"
        })
final class SourceCommand implements Callable<Integer> {

    @Option(
            names = "--source-port",
            paramLabel = "PORT",
            defaultValue = "8089",
            description = "Port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (RandomUserServer server = RandomUserServer.start(port)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "source-stop"));
            out.printf("RandomUser-compatible source on %s%n", server.baseUri());
            out.printf("  try:    curl '%s?results=2&seed=demo&nat=GB,NO'%n", server.baseUri());
            out.printf("  faults: %sfaults   stats: %sstats%n", server.controlUri(), server.controlUri());
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
