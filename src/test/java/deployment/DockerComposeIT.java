package deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import testsupport.Commands;
import testsupport.Commands.Result;

/**
 * infra/docker-compose.yml, checked by a real compose parser (the Compose Specification's schema
 * through check-jsonschema) and the project's rules; brought up for real only where a Docker
 * engine answers.
 */
class DockerComposeIT {

    private static final Path HOME =
            Path.of(System.getProperty("pipeline.home", ".")).toAbsolutePath().normalize();
    private static final Path COMPOSE = HOME.resolve("infra/docker-compose.yml");
    private static final Path SECURE = HOME.resolve("infra/docker-compose.secure.yml");

    @Test
    void given_the_compose_file_when_validated_then_the_schema_and_the_project_rules_pass() throws Exception {
        Result result = validate(COMPOSE);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok -- validation done").contains("ok, 11 services");
    }

    @Test
    void given_the_secure_override_when_validated_over_the_compose_file_then_the_merged_deployment_passes()
            throws Exception {
        Result result = validate(COMPOSE, SECURE);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("ok -- validation done").contains("ok, 12 services");
    }

    @Test
    void given_the_secure_override_without_the_sidecar_s_credentials_when_validated_then_each_missing_one_is_named()
            throws Exception {
        String broken = Files.readString(SECURE)
                .replace(
                        "  sidecar:\n    environment:\n      <<: [*kafka-client, *cassandra-client]\n",
                        "  sidecar:\n    environment:\n      PIPELINE_SPARK_TRIGGER_INTERVAL: PT1S\n");
        assertThat(broken).isNotEqualTo(Files.readString(SECURE));

        Result result = validate(COMPOSE, copy(broken));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("service sidecar: Kafka demands SASL but PIPELINE_KAFKA_SECURITY_PROTOCOL is not SASL_*")
                .contains("service sidecar: Kafka demands SASL but PIPELINE_KAFKA_SASL_JAAS_CONFIG[_FILE] is not set")
                .contains("service sidecar: Cassandra demands a login but PIPELINE_CASSANDRA_USERNAME is not set")
                .doesNotContain("service app:");
    }

    @Test
    void given_a_password_file_from_a_secret_the_service_does_not_mount_when_validated_then_it_is_named()
            throws Exception {
        String broken = Files.readString(SECURE)
                .replace(
                        "  app:\n    environment:\n      <<: [*kafka-client, *cassandra-client]\n    secrets:\n"
                                + "      - cassandra_pipeline_password\n",
                        "  app:\n    environment:\n      <<: [*kafka-client, *cassandra-client]\n");
        assertThat(broken).isNotEqualTo(Files.readString(SECURE));

        Result result = validate(COMPOSE, copy(broken));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("service app: PIPELINE_CASSANDRA_PASSWORD_FILE reads /run/secrets/cassandra_pipeline_password"
                        + " but the service has no such secret");
    }

    @Test
    void given_a_literal_secret_and_a_missing_healthcheck_when_validated_then_both_are_named() throws Exception {
        String broken = Files.readString(COMPOSE)
                .replace(
                        "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in infra/.env}",
                        "POSTGRES_PASSWORD: hunter2")
                .replace(
                        "      test: [\"CMD-SHELL\", \"cqlsh -e 'SELECT release_version FROM system.local'\"]\n"
                                + "      interval: 15s\n      timeout: 10s\n      retries: 12\n      start_period: 60s\n",
                        "")
                .replace(
                        "    volumes:\n      - cassandra-data:/var/lib/cassandra\n    healthcheck:\n",
                        "    volumes:\n      - cassandra-data:/var/lib/cassandra\n");

        Result result = validate(copy(broken));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output())
                .contains("service postgres: POSTGRES_PASSWORD holds a literal secret")
                .contains("service cassandra: no healthcheck");
    }

    @Test
    void given_a_key_the_compose_specification_does_not_know_when_validated_then_the_schema_check_fails()
            throws Exception {
        String broken = Files.readString(COMPOSE).replace("\nvolumes:\n", "\nvolumez:\n");

        Result result = validate(copy(broken));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Schema validation errors").contains("volumez");
    }

    @Test
    void given_a_docker_engine_when_the_stack_comes_up_then_every_service_is_healthy() throws Exception {
        assumeTrue(
                dockerEngineAnswers(),
                "skipped: no Docker engine answers `docker info` here; "
                        + "the compose file is still validated by the tests above");
        Path env = HOME.resolve("infra/.env");
        assumeTrue(Files.exists(env), "skipped: infra/.env is missing (copy infra/.env.example and set the secrets)");
        try {
            Result up =
                    run(List.of("docker", "compose", "-f", COMPOSE.toString(), "up", "-d", "--build", "--wait"), 30);
            assertThat(up.exitCode()).as(up.output()).isZero();
        } finally {
            run(List.of("docker", "compose", "-f", COMPOSE.toString(), "down"), 5);
        }
    }

    /** The files merged in this order, as {@code docker compose -f A -f B} does. */
    private static Result validate(Path... files) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(
                List.of(HOME.resolve("infra/validate.sh").toString()));
        for (Path file : files) {
            command.add(file.toString());
        }
        return run(command, 10);
    }

    private static Path copy(String content) throws IOException {
        Path dir = Files.createDirectories(HOME.resolve("target/compose-it"));
        Path file = Files.createTempFile(dir, "docker-compose", ".yml");
        Files.writeString(file, content);
        return file;
    }

    private static boolean dockerEngineAnswers() {
        try {
            return run(List.of("docker", "info"), 1).exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Result run(List<String> command, int timeoutMinutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile(Files.createDirectories(HOME.resolve("target")), "compose-it", ".out");
        return Commands.run(command, HOME, Map.of(), log, Duration.ofMinutes(timeoutMinutes));
    }
}
