package bootstrap;

import picocli.CommandLine.Command;

/** {@code ./pipeline bench ...}: benchmarks that print figures beside raw baselines measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (never pass/fail): see the subcommands.",
        subcommands = {IngestionBenchmark.class, SidecarBenchmark.class})
final class BenchCommand {
}
