package adapters.http;

import static adapters.http.ApiFixture.anApi;
import static adapters.http.ApiFixture.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import adapters.http.ApiFixture.Reply;
import application.port.in.UserView;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UserQueriesEndpointTest {

    private static final String RUN = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String USER = "0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098";

    @Test
    void given_a_persisted_user_when_getting_it_then_200_with_every_field() {
        ApiFixture api = anApi();
        api.users.with(user(USER, RUN));

        api.test((server, client) -> {
            Reply reply = get(client, "/api/users/" + USER);

            assertThat(reply.status()).isEqualTo(200);
            JsonNode json = reply.json();
            List<String> names = new ArrayList<>();
            json.fieldNames().forEachRemaining(names::add);
            assertThat(names)
                    .containsExactly(Arrays.stream(UserView.class.getRecordComponents())
                            .map(RecordComponent::getName)
                            .toArray(String[]::new));
            assertThat(json.path("id").asText()).isEqualTo(USER);
            assertThat(json.path("firstName").asText()).isEqualTo("Åse");
            assertThat(json.path("persistedAt").asText()).isEqualTo("2026-11-25T10:00:04.902Z");
        });
    }

    @Test
    void given_no_such_user_when_getting_it_then_404() {
        anApi().test((server, client) -> {
            Reply reply = get(client, "/api/users/" + USER);

            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("error").asText()).contains(USER);
        });
    }

    @Test
    void given_three_users_of_a_run_when_listing_two_per_page_then_the_token_leads_to_the_rest() {
        ApiFixture api = anApi();
        api.users
                .with(user("00000000-0000-4000-8000-000000000001", RUN))
                .with(user("00000000-0000-4000-8000-000000000002", RUN))
                .with(user("00000000-0000-4000-8000-000000000003", RUN));

        api.test((server, client) -> {
            Reply first = get(client, "/api/runs/" + RUN + "/users?pageSize=2");
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().path("users")).hasSize(2);
            String token = first.json().path("nextPageToken").asText();

            Reply second = get(client, "/api/runs/" + RUN + "/users?pageSize=2&pageToken=" + token);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.json().path("users")).hasSize(1);
            assertThat(second.json().path("users").get(0).path("id").asText())
                    .isEqualTo("00000000-0000-4000-8000-000000000003");
            assertThat(second.json().path("nextPageToken").isNull()).isTrue();
        });
    }

    @Test
    void given_no_page_size_when_listing_then_the_default_is_used() {
        ApiFixture api = anApi();
        api.test((server, client) -> {
            assertThat(get(client, "/api/runs/" + RUN + "/users").status()).isEqualTo(200);
        });
        assertThat(api.users.pageSizesAsked).containsExactly(UserHandlers.DEFAULT_PAGE_SIZE);
    }

    @Test
    void given_bad_paging_when_listing_then_400_naming_the_parameter() {
        anApi().test((server, client) -> {
            Reply badToken = get(client, "/api/runs/" + RUN + "/users?pageToken=garbage");
            assertThat(badToken.status()).isEqualTo(400);
            assertThat(badToken.json().path("field").asText()).isEqualTo("pageToken");

            Reply badSize = get(client, "/api/runs/" + RUN + "/users?pageSize=0");
            assertThat(badSize.status()).isEqualTo(400);
            assertThat(badSize.json().path("field").asText()).isEqualTo("pageSize");
            assertThat(get(client, "/api/runs/" + RUN + "/users?pageSize=x").status())
                    .isEqualTo(400);
        });
    }

    static UserView user(String id, String runId) {
        Instant at = Instant.parse("2026-11-25T10:00:04.902Z");
        return new UserView(
                id,
                "Åse",
                "Berg",
                "female",
                "1 Main St, Oslo",
                "0150",
                "ase@example.com",
                "ase1",
                Instant.parse("1990-01-02T00:00:00Z"),
                Instant.parse("2015-05-06T00:00:00Z"),
                "555",
                "http://pic",
                runId,
                "NO",
                at,
                at);
    }
}
