package adapters.http;

import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static adapters.http.RunViewBuilder.aRunView;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import adapters.http.ApiFixture.Reply;
import application.port.in.RunView;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunQueriesEndpointTest {

    @Test
    void given_a_run_when_getting_it_then_200_with_every_record_component_in_camel_case() {
        ApiFixture api = anApi();
        api.runs.with(aRunView().withStatus("FETCHING").withGender(null).build());

        api.test((server, client) -> {
            Reply reply = get(client, "/api/runs/" + RunViewBuilder.RUN_ID);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("application/json");
            JsonNode run = reply.json();
            List<String> names = new ArrayList<>();
            run.fieldNames().forEachRemaining(names::add);
            assertThat(names)
                    .containsExactly(Arrays.stream(RunView.class.getRecordComponents())
                            .map(RecordComponent::getName)
                            .toArray(String[]::new));
            assertThat(run.path("runId").asText()).isEqualTo(RunViewBuilder.RUN_ID);
            assertThat(run.path("status").asText()).isEqualTo("FETCHING");
            assertThat(run.path("published").asLong()).isEqualTo(250);
            assertThat(run.path("pagesStored").asInt()).isEqualTo(3);
            assertThat(run.path("nationalities").toString()).isEqualTo("[\"GB\",\"FR\"]");
            assertThat(run.path("gender").isNull()).isTrue();
            assertThat(run.path("lastError").isNull()).isTrue();
        });
    }

    @Test
    void given_a_run_waiting_for_kafka_when_getting_it_then_waiting_for_names_the_dependency_and_since_when() {
        ApiFixture api = anApi();
        api.runs.with(aRunView().withStatus("FETCHING").waitingForKafka(12).build());

        api.test((server, client) -> {
            JsonNode waiting =
                    get(client, "/api/runs/" + RunViewBuilder.RUN_ID).json().path("waitingFor");

            assertThat(waiting.path("dependency").asText()).isEqualTo("kafka");
            assertThat(waiting.path("since").asText()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(waiting.path("seconds").asLong()).isEqualTo(12);
        });
    }

    @Test
    void given_a_run_when_getting_it_then_instants_are_iso_8601_strings() {
        ApiFixture api = anApi();
        api.runs.with(aRunView().build());

        api.test((server, client) -> assertThat(get(client, "/api/runs/" + RunViewBuilder.RUN_ID)
                        .json()
                        .path("requestedAt")
                        .asText())
                .isEqualTo("2026-11-25T10:00:00Z"));
    }

    @Test
    void given_a_run_with_non_ascii_text_when_getting_it_then_the_body_is_utf_8() {
        ApiFixture api = anApi();
        api.runs.with(aRunView().withLastError("page 3: Zürich – ошибка").build());

        api.test((server, client) -> assertThat(get(client, "/api/runs/" + RunViewBuilder.RUN_ID)
                        .json()
                        .path("lastError")
                        .asText())
                .isEqualTo("page 3: Zürich – ошибка"));
    }

    @Test
    void given_no_such_run_when_getting_it_then_404_names_the_id() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = get(client, "/api/runs/0000-nope");

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.error()).isEqualTo("no run 0000-nope");
        });
    }

    @Test
    void given_runs_when_listing_without_a_limit_then_200_with_the_runs_and_the_default_limit_of_20() {
        ApiFixture api = anApi();
        api.runs
                .with(aRunView().withRunId("first").build())
                .with(aRunView().withRunId("second").build());

        api.test((server, client) -> {
            Reply reply = get(client, "/api/runs");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("runs").findValuesAsText("runId")).containsExactly("second", "first");
            assertThat(api.runs.limitsAsked()).containsExactly(20);
        });
    }

    @Test
    void given_runs_when_listing_with_a_limit_then_the_query_gets_that_limit() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            assertThat(get(client, "/api/runs?limit=1").status()).isEqualTo(200);
            assertThat(get(client, "/api/runs?limit=200").status()).isEqualTo(200);
            assertThat(api.runs.limitsAsked()).containsExactly(1, 200);
        });
    }

    @Test
    void given_a_limit_with_blanks_around_it_when_listing_then_the_number_is_read() {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            assertThat(get(client, "/api/runs?limit=%2010%20").status()).isEqualTo(200);
            assertThat(api.runs.limitsAsked()).containsExactly(10);
        });
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "201", "-1", "ten", "1.5", "", "46%02", "%0010"})
    void given_a_limit_out_of_range_or_not_a_number_when_listing_then_400_names_the_limit(String limit) {
        ApiFixture api = anApi();

        api.test((server, client) -> {
            Reply reply = get(client, "/api/runs?limit=" + limit);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("limit");
            assertThat(reply.error()).isEqualTo("limit must be an integer between 1 and 200");
            assertThat(api.runs.limitsAsked()).isEmpty();
        });
    }
}
