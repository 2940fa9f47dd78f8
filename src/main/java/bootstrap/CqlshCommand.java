package bootstrap;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import embedded.EmbeddedCluster;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./pipeline cqlsh}: the real cqlsh against the local stack's Cassandra. When the stack is
 * down (e.g. after {@code ./pipeline demo}), Cassandra is started on its data for the session and
 * stopped afterwards, so what a run left behind can always be queried.
 */
@Command(name = "cqlsh", mixinStandardHelpOptions = true,
        description = {"Open the real cqlsh (from PyPI, installed into .venv/cqlsh on first use) on the local Cassandra.",
                "If the stack is not up, Cassandra starts on its data for the session and stops after.",
                "Arguments after the options go to cqlsh, e.g.:",
                "  ./pipeline cqlsh -e \"SELECT count(*) FROM spark_streams.created_users\""})
final class CqlshCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    /** cqlsh's own options (-e, -f, -k, ...) and their values, in their order, untouched. */
    @Unmatched
    List<String> cqlshArgs = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Pipeline.projectHome();
        List<String> args = List.copyOf(cqlshArgs);
        Path cqlsh = CqlshInstall.ensure(home, out);

        Optional<ClusterStateFile> running = ClusterStateFile.load(ClusterStateFile.location(cluster.workDir(home)))
                .filter(ClusterStateFile::ownerAlive);
        if (running.isPresent()) {
            return cqlsh(cqlsh, running.get().cassandraContactPoint(), args);
        }
        out.printf("The local stack is not up: starting Cassandra on the data in %s for this session ...%n",
                cluster.workDir(home));
        out.flush();
        try (EmbeddedCluster.StandaloneCassandra cassandra = EmbeddedCluster.startCassandra(cluster.settings(home),
                line -> {
                    out.println("  " + line);
                    out.flush();
                })) {
            InetSocketAddress contact = cassandra.contactPoint();
            return cqlsh(cqlsh, "127.0.0.1:" + contact.getPort(), args);
        }
    }

    private static int cqlsh(Path cqlsh, String contactPoint, List<String> args) throws Exception {
        int colon = contactPoint.lastIndexOf(':');
        List<String> command = new ArrayList<>(List.of(cqlsh.toString(), contactPoint.substring(0, colon),
                contactPoint.substring(colon + 1)));
        command.addAll(args);
        // the terminal belongs to cqlsh: interactive sessions, colours and paging work as usual
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
