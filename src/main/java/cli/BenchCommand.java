package cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import bench.BenchSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./pipeline bench}: the options of the benchmark suite ({@link BenchSuite}) and its one-part subcommands. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measure the pipeline end to end on the embedded stack beside raw Kafka and Cassandra baselines",
            "measured in the same run; writes bench/results/latest.{json,md} and PNG plots. Figures, never pass/fail.",
            "Subcommands measure one part on its own."
        },
        subcommands = {BenchIngestionCommand.class, BenchSidecarCommand.class})
final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--volumes",
            paramLabel = "N[,N...]",
            split = ",",
            defaultValue = "10000,100000,1000000",
            description = "Users per end-to-end run, the points of the scaling curve (default: ${DEFAULT-VALUE}).")
    List<Integer> volumes;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            defaultValue = "3",
            description =
                    "Runs per volume and per baseline; figures are the median with min-max (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--single-runs",
            paramLabel = "N",
            defaultValue = "100",
            description = "One-user commands timed from POST to COMPLETED (default: ${DEFAULT-VALUE}).")
    int singleRuns;

    @Option(
            names = "--baseline-rows",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Records per raw baseline round (default: ${DEFAULT-VALUE}).")
    int baselineRows;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: <project>/bench/results).")
    Path out;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "App port (default: any free port).")
    int httpPort;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description =
                    "The benchmark stack's data, wiped first (default: <project>/work/bench-suite). Servers use free ports.")
    Path workDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        new BenchSuite(new BenchSuite.Settings(volumes, repeat, singleRuns, baselineRows, out, httpPort, workDir))
                .run(spec.commandLine().getOut());
        return 0;
    }
}
