package cli;

import java.util.Map;

import adapters.eventstore.EventStoreUnavailableException;
import adapters.kafka.KafkaSetupException;
import embedded.EmbeddedClusterException;
import localstack.ProjectHome;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./pipeline} command line: each subcommand is one thing a data engineer does. The
 * commands gather settings and hand them on: the app to {@link bootstrap.PipelineApp}, the local
 * stack to {@code localstack}, the measurements to {@code bench}.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = Pipeline.Version.class,
        description = {
            "A real-time user-data pipeline: RandomUser -> event store -> Kafka -> Spark -> Cassandra.",
            "",
            "Every option can also be set in the environment (PIPELINE_<OPTION>, e.g. PIPELINE_KAFKA_PORT)"
                    + " or in a properties file (pipeline.properties in the project directory, or the file"
                    + " named by PIPELINE_CONFIG; keys are option names without the dashes, e.g."
                    + " kafka-port=9192). The command line wins, then the environment, then the file."
        },
        subcommands = {
            DemoCommand.class,
            UpCommand.class,
            DownCommand.class,
            ServeCommand.class,
            ReplayCommand.class,
            SourceCommand.class,
            CqlshCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Pipeline implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** With the environment options and secrets come from; tests pass their own. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new Pipeline()).setUsageHelpAutoWidth(true);
        commandLine.setDefaultValueProvider(new SettingsDefaults(ProjectHome.path(), environment));
        commandLine.setExecutionExceptionHandler((failure, cl, parsed) -> {
            if (isUserFacing(failure)) {
                // a user-facing failure: its message says what to do, a stack trace would only hide it
                cl.getErr().println("error: " + failure.getMessage());
                return 1;
            }
            throw failure;
        });
        return commandLine;
    }

    /** Failures whose message tells the user what to do; anything else is a bug and keeps its stack trace. */
    private static boolean isUserFacing(Exception failure) {
        return failure instanceof EmbeddedClusterException
                || failure instanceof KafkaSetupException
                || failure instanceof EventStoreUnavailableException
                || failure instanceof IllegalArgumentException
                || failure instanceof IllegalStateException
                        && failure.getMessage() != null
                        && failure.getMessage().startsWith("HTTP API cannot listen");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Pipeline.class.getPackage().getImplementationVersion();
            return new String[] {
                "pipeline " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")"
            };
        }
    }
}
