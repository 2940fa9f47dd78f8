package deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import json.PipelineJson;
import localstack.ProjectHome;
import org.junit.jupiter.api.Test;

/** Secrets in the compose deployment survive any character a generator puts in them. */
class DeploymentSecretsTest {

    /** What `openssl rand -base64 32` gives: '/', '+' and '=' included. */
    private static final String TOKEN = "q3V/9+Zx1rT0k/wJm2Y+eHn5bA8cLd4uS7fG6hP0iQ=";

    private static final Pattern CONNECTION =
            Pattern.compile("^\\s*AIRFLOW_CONN_PIPELINE_API: '(.*)'$", Pattern.MULTILINE);
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{PIPELINE_API_TOKEN[^}]*}");

    private static String read(String relative) throws IOException {
        return Files.readString(ProjectHome.path().resolve(relative));
    }

    @Test
    void given_a_token_with_slashes_when_compose_fills_in_the_airflow_connection_then_it_is_the_password_unchanged()
            throws IOException {
        Matcher connection = CONNECTION.matcher(read("infra/docker-compose.yml"));
        assertThat(connection.find())
                .as("AIRFLOW_CONN_PIPELINE_API as a single-quoted JSON connection")
                .isTrue();

        String filled = INTERPOLATION.matcher(connection.group(1)).replaceAll(Matcher.quoteReplacement(TOKEN));
        JsonNode parsed = PipelineJson.mapper().readTree(filled);

        assertThat(parsed.path("password").asText()).isEqualTo(TOKEN);
        assertThat(parsed.path("host").asText()).isEqualTo("app");
        assertThat(parsed.path("port").asInt()).isEqualTo(8080);
    }

    @Test
    void given_the_postgres_init_script_when_reading_its_sql_then_passwords_are_psql_variables_never_pasted_text()
            throws IOException {
        String script = read("infra/postgres/init-databases.sh");
        String sql = script.substring(script.indexOf("<<'SQL'"), script.lastIndexOf("SQL"));

        assertThat(script).contains("<<'SQL'").as("a quoted heredoc: the shell expands nothing in it");
        assertThat(sql).doesNotContain("${", "$EVENTSTORE", "$AIRFLOW");
        assertThat(List.of(":'eventstore_password'", ":'airflow_password'"))
                .allSatisfy(variable -> assertThat(sql).contains(variable));
    }
}
