package cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults for every option from the environment ({@code PIPELINE_KAFKA_PORT} for
 * {@code --kafka-port}) or a properties file ({@code kafka-port=...}); the command line beats
 * both, the environment beats the file. Options not set anywhere keep their built-in default.
 */
final class SettingsDefaults implements CommandLine.IDefaultValueProvider {

    static final String CONFIG_VARIABLE = "PIPELINE_CONFIG";
    static final String DEFAULT_CONFIG_FILE = "pipeline.properties";

    private final Map<String, String> environment;
    private final Properties file;

    SettingsDefaults(Path projectHome, Map<String, String> environment) {
        this.environment = environment;
        this.file = load(configFile(projectHome, environment));
    }

    /** The environment the defaults come from: commands that read a variable themselves ask here. */
    Map<String, String> environment() {
        return environment;
    }

    static Path configFile(Path projectHome, Map<String, String> environment) {
        String named = environment.get(CONFIG_VARIABLE);
        return named == null || named.isBlank() ? projectHome.resolve(DEFAULT_CONFIG_FILE) : Path.of(named);
    }

    private static Properties load(Path path) {
        Properties properties = new Properties();
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new CommandLine.InitializationException(
                        "cannot read the config file " + path + ": " + e.getMessage());
            }
        }
        return properties;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        String fromEnvironment = environment.get(variableFor(key));
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return file.getProperty(key);
    }

    static String variableFor(String optionKey) {
        return "PIPELINE_" + optionKey.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
