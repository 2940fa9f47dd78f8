package cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import embedded.EmbeddedCluster;
import localstack.ClusterStateFile;
import localstack.ProjectHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./pipeline cqlsh}: the real cqlsh against the local stack's Cassandra. When the stack is
 * down (e.g. after {@code ./pipeline demo}), Cassandra is started on its data for the session and
 * stopped afterwards, so what a run left behind can always be queried.
 */
@Command(
        name = "cqlsh",
        mixinStandardHelpOptions = true,
        description = {
            "Open the real cqlsh (from PyPI, installed into .venv/cqlsh on first use) on the local Cassandra.",
            "If the stack is not up, Cassandra starts on its data for the session and stops after.",
            "Arguments after the options go to cqlsh, e.g.:",
            "  ./pipeline cqlsh -e \"SELECT count(*) FROM spark_streams.created_users\"",
            "A count(*) over millions of rows is ~15 times faster in big pages (cqlsh reads 100 rows a page):",
            "  ./pipeline cqlsh -e \"PAGING 10000; SELECT count(*) FROM spark_streams.created_users\""
        })
final class CqlshCommand implements Callable<Integer> {

    /**
     * cqlsh's own default is 10 s, which a count(*) over a few hundred thousand rows outlasts on a
     * laptop: it scans the whole table. Five minutes covers millions of rows and still ends a hung query.
     */
    static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 300;

    private static final int MAX_REQUEST_TIMEOUT_SECONDS = 86_400;

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--request-timeout",
            paramLabel = "SECONDS",
            defaultValue = "" + DEFAULT_REQUEST_TIMEOUT_SECONDS,
            description = "How long cqlsh waits for one query, 1 to 86400 s; long enough for a count(*) over "
                    + "millions of rows (default: ${DEFAULT-VALUE}; cqlsh's own is 10).")
    int requestTimeoutSeconds;

    /** cqlsh's own options (-e, -f, -k, ...) and their values, in their order, untouched. */
    @Unmatched
    List<String> cqlshArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > MAX_REQUEST_TIMEOUT_SECONDS) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--request-timeout must be 1 to " + MAX_REQUEST_TIMEOUT_SECONDS + " seconds, was "
                            + requestTimeoutSeconds);
        }
        Path home = ProjectHome.path();
        List<String> args = List.copyOf(cqlshArgs);
        Path cqlsh = CqlshInstall.ensure(home, out);

        Optional<ClusterStateFile> running = ClusterStateFile.load(ClusterStateFile.location(cluster.workDir(home)))
                .filter(ClusterStateFile::ownerAlive);
        if (running.isPresent()) {
            return run(command(cqlsh, running.get().cassandraContactPoint(), requestTimeoutSeconds, args));
        }
        out.printf(
                "The local stack is not up: starting Cassandra on the data in %s for this session ...%n",
                cluster.workDir(home));
        out.flush();
        try (EmbeddedCluster.StandaloneCassandra cassandra =
                EmbeddedCluster.startCassandra(cluster.settings(home), line -> {
                    out.println("  " + line);
                    out.flush();
                })) {
            InetSocketAddress contact = cassandra.contactPoint();
            return run(command(cqlsh, "127.0.0.1:" + contact.getPort(), requestTimeoutSeconds, args));
        }
    }

    /** The cqlsh command line: host, port, the request timeout, then the user's own cqlsh arguments. */
    static List<String> command(Path cqlsh, String contactPoint, int requestTimeoutSeconds, List<String> args) {
        int colon = contactPoint.lastIndexOf(':');
        List<String> command = new ArrayList<>(List.of(
                cqlsh.toString(),
                contactPoint.substring(0, colon),
                contactPoint.substring(colon + 1),
                "--request-timeout=" + requestTimeoutSeconds));
        command.addAll(args);
        return command;
    }

    private static int run(List<String> command) throws Exception {
        // the terminal belongs to cqlsh: interactive sessions, colours and paging work as usual
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
