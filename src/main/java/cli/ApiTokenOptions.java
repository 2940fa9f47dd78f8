package cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import adapters.http.HttpSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The app's bearer token, the same way for every command that starts the app or talks to it: from
 * {@value #TOKEN_VARIABLE} or a file, never needed on the command line, where {@code ps} shows it to
 * every user of the machine (docs/security.md).
 */
final class ApiTokenOptions {

    static final String TOKEN_VARIABLE = "PIPELINE_API_TOKEN";
    static final String TOKEN_OPTION = "--api-token";

    @Option(
            names = "--api-token-file",
            paramLabel = "FILE",
            description = {
                "File holding the API's bearer token (its first line; or PIPELINE_API_TOKEN_FILE).",
                "Or set the token itself in PIPELINE_API_TOKEN."
            })
    Path tokenFile;

    @Option(
            names = TOKEN_OPTION,
            paramLabel = "TOKEN",
            description = "Avoid: the token is then visible in ps. Use PIPELINE_API_TOKEN or --api-token-file.")
    String token;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * @return the token, or null when none is configured anywhere
     * @throws ApiTokenException when a source is set but unusable (empty, unreadable, two at once)
     */
    String resolve(PrintWriter err) {
        Map<String, String> environment = environment();
        boolean onCommandLine = command.commandLine().getParseResult().hasMatchedOption(TOKEN_OPTION);
        String variable = environment.get(TOKEN_VARIABLE);
        if (!onCommandLine && variable != null && variable.isBlank()) {
            throw new ApiTokenException(TOKEN_VARIABLE + " is set but empty: an empty token does not turn auth"
                    + " off; unset it, or set a token of at least " + HttpSettings.MIN_TOKEN_LENGTH
                    + " characters");
        }
        if (tokenFile != null) {
            if (onCommandLine || variable != null) {
                throw new ApiTokenException(
                        "the API token is given twice: use " + TOKEN_VARIABLE + " or --api-token-file, not both");
            }
            return read(tokenFile);
        }
        if (onCommandLine) {
            err.println("warning: " + TOKEN_OPTION + " is visible to every user of this machine (ps);" + " use "
                    + TOKEN_VARIABLE + " or --api-token-file instead");
            err.flush();
        }
        return token;
    }

    /** Tests hand the command line an environment of their own through {@link SettingsDefaults}. */
    private Map<String, String> environment() {
        return command.commandLine().getDefaultValueProvider() instanceof SettingsDefaults defaults
                ? defaults.environment()
                : System.getenv();
    }

    /** The first line, without the newline an editor or {@code echo} adds. */
    private static String read(Path file) {
        try {
            String content = Files.readString(file).strip();
            int newline = content.indexOf('\n');
            String first = (newline < 0 ? content : content.substring(0, newline)).strip();
            if (first.isEmpty()) {
                throw new ApiTokenException("the API token file " + file + " is empty");
            }
            return first;
        } catch (NoSuchFileException e) {
            throw new ApiTokenException("the API token file " + file + " does not exist");
        } catch (IOException e) {
            throw new ApiTokenException("cannot read the API token file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** A token source the user has to fix; its message is the one line the command prints. */
    static final class ApiTokenException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ApiTokenException(String message) {
            super(message);
        }
    }
}
