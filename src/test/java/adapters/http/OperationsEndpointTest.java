package adapters.http;

import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static org.assertj.core.api.Assertions.assertThat;

import adapters.http.ApiFixture.Reply;
import org.junit.jupiter.api.Test;

class OperationsEndpointTest {

    @Test
    void given_a_dependency_is_down_when_checking_health_then_the_process_is_still_up_and_nothing_is_probed() {
        ApiFixture api = anApi();
        api.health.reporting("kafka", "connection refused");

        api.test((server, client) -> {
            Reply reply = get(client, "/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().toString()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(api.health.probes()).isZero();
        });
    }

    @Test
    void given_every_dependency_is_ok_when_checking_readiness_then_200_ready_with_each_dependency() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = get(client, "/ready");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("status").asText()).isEqualTo("READY");
            assertThat(reply.json().path("dependencies").toString())
                    .isEqualTo("{\"eventstore\":\"ok\",\"kafka\":\"ok\"}");
        });
    }

    @Test
    void given_a_dependency_reports_a_problem_when_checking_readiness_then_503_not_ready_with_the_problem() {
        ApiFixture api = anApi();
        api.health.reporting("kafka", "connection refused");

        api.test((server, client) -> {
            Reply reply = get(client, "/ready");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().path("status").asText()).isEqualTo("NOT_READY");
            assertThat(reply.json().path("dependencies").path("kafka").asText())
                    .matches("not answering \\(id [0-9a-f]{8}\\)");
            assertThat(reply.json().path("dependencies").path("eventstore").asText())
                    .isEqualTo("ok");
            assertThat(api.health.probes()).isEqualTo(1);
        });
    }

    @Test
    void
            given_a_probe_names_hosts_and_exceptions_when_checking_readiness_then_the_answer_has_only_a_word_level_reason() {
        ApiFixture api = anApi();
        api.health
                .reporting(
                        "cassandra",
                        "cannot read spark_streams.created_users at cassandra-7.internal:9042:"
                                + " com.datastax.oss.driver.api.core.AllNodesFailedException: timed out after PT2S")
                .reporting("eventstore", "event store unreachable: org.postgresql.util.PSQLException: db:5432 refused");

        api.test((server, client) -> {
            Reply reply = get(client, "/ready");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().path("dependencies").path("cassandra").asText())
                    .startsWith("timed out (id ");
            assertThat(reply.json().path("dependencies").path("eventstore").asText())
                    .startsWith("not answering (id ");
            assertThat(reply.body()).doesNotContain("9042", "5432", "internal", "Exception", "spark_streams", "db:");
        });
    }

    @Test
    void given_a_request_was_served_when_scraping_metrics_then_prometheus_text_has_it_by_route_template_and_status() {
        ApiFixture api = anApi();
        api.runs.with(RunViewBuilder.aRunView().build());

        api.test((server, client) -> {
            get(client, "/api/runs/" + RunViewBuilder.RUN_ID);
            get(client, "/api/runs/another-id");
            get(client, "/not/a/route");

            Reply metrics = get(client, "/metrics");

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body())
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/runs/{runId}\"} 1")
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/api/runs/{runId}\"} 1")
                    .contains(
                            "http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"} 1")
                    .doesNotContain(RunViewBuilder.RUN_ID, "another-id", "/not/a/route");
        });
    }

    @Test
    void given_the_app_when_getting_the_openapi_document_then_200_json() {
        anApi().test((server, client) -> {
            Reply reply = get(client, "/openapi.json");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            assertThat(reply.json().path("openapi").asText()).startsWith("3.0");
        });
    }
}
