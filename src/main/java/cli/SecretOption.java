package cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Model.CommandSpec;

/**
 * The one rule for every secret a command takes (docs/security.md): from its variable
 * ({@code PIPELINE_} + the option's name) or from a file ({@code <option>-file}, e.g. a Docker
 * secret), never needed on the command line, where {@code ps} shows it to every user of the machine;
 * given there it still works, with a warning. An empty value is an error, not "off"; two sources at
 * once are an error.
 *
 * @param what    the secret in a message, e.g. {@code the API token}
 * @param option  the option that takes the secret itself, e.g. {@code --api-token}
 * @param content what of its file is the secret
 */
record SecretOption(String what, String option, Content content) {

    /** How a secret is read from its file. */
    enum Content {
        /** The first line, without the newline an editor or {@code echo} adds: a token, a password. */
        FIRST_LINE,
        /** All of it, surrounding blank space removed: e.g. a JAAS configuration over several lines. */
        WHOLE_FILE
    }

    /** The variable the secret itself comes from, e.g. {@code PIPELINE_API_TOKEN}. */
    String variable() {
        return SettingsDefaults.variableFor(option.substring(2));
    }

    /** The option naming its file, e.g. {@code --api-token-file} (variable {@code PIPELINE_API_TOKEN_FILE}). */
    String fileOption() {
        return option + "-file";
    }

    /**
     * @param value the option's value, from the command line, its variable or the config file
     * @param file  the file option's value, from any of those
     * @return the secret, or null when none is configured anywhere
     * @throws SecretException when a source is set but unusable (empty, unreadable, two at once)
     */
    String resolve(CommandSpec command, String value, Path file, PrintWriter err) {
        Map<String, String> environment = environment(command);
        boolean onCommandLine = command.commandLine().getParseResult().hasMatchedOption(option);
        String variable = environment.get(variable());
        if (!onCommandLine && variable != null && variable.isBlank()) {
            throw new SecretException(variable() + " is set but empty: an empty value does not turn " + what
                    + " off; unset it, or set " + what);
        }
        if (file != null) {
            if (onCommandLine || variable != null) {
                throw new SecretException(
                        what + " is given twice: use " + variable() + " or " + fileOption() + ", not both");
            }
            return read(file);
        }
        if (onCommandLine) {
            err.println("warning: " + option + " is visible to every user of this machine (ps); use " + variable()
                    + " or " + fileOption() + " instead");
            err.flush();
        }
        return value;
    }

    /** Tests hand the command line an environment of their own through {@link SettingsDefaults}. */
    private static Map<String, String> environment(CommandSpec command) {
        return command.commandLine().getDefaultValueProvider() instanceof SettingsDefaults defaults
                ? defaults.environment()
                : System.getenv();
    }

    private String read(Path file) {
        try {
            String secret = Files.readString(file).strip();
            if (content == Content.FIRST_LINE) {
                int newline = secret.indexOf('\n');
                secret = (newline < 0 ? secret : secret.substring(0, newline)).strip();
            }
            if (secret.isEmpty()) {
                throw new SecretException("the " + fileName() + " " + file + " is empty");
            }
            return secret;
        } catch (NoSuchFileException e) {
            throw new SecretException("the " + fileName() + " " + file + " does not exist");
        } catch (IOException e) {
            throw new SecretException("cannot read the " + fileName() + " " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** "the API token" gives "API token file". */
    private String fileName() {
        return what.replaceFirst("^the ", "") + " file";
    }

    /** A secret source the user has to fix; its message is the one line the command prints. */
    static final class SecretException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SecretException(String message) {
            super(message);
        }
    }
}
