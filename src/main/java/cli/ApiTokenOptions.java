package cli;

import java.io.PrintWriter;
import java.nio.file.Path;

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

    private static final SecretOption SECRET =
            new SecretOption("the API token", TOKEN_OPTION, SecretOption.Content.FIRST_LINE);

    /**
     * @return the token, or null when none is configured anywhere
     * @throws SecretOption.SecretException when a source is set but unusable (empty, unreadable, two at once)
     */
    String resolve(PrintWriter err) {
        return SECRET.resolve(command, token, tokenFile, err);
    }
}
