package bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The app's HTTP API, used the way Airflow and a person use it. */
final class RunsClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    RunsClient(URI base) {
        this.base = base;
    }

    String fetchUsers(String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("api/commands/fetch-users"))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalArgumentException("the app refused the command (HTTP " + response.statusCode() + "): "
                    + JSON.readTree(response.body()).path("message").asText(response.body()));
        }
        return JSON.readTree(response.body()).get("runId").asText();
    }

    JsonNode run(String runId) throws IOException, InterruptedException {
        return get("api/runs/" + runId);
    }

    /** The run's users as the API lists them (read from Cassandra), up to {@code limit}. */
    List<JsonNode> usersOfRun(String runId, int limit) throws IOException, InterruptedException {
        List<JsonNode> users = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = get("api/runs/" + runId + "/users?pageSize=1000" + (token == null ? "" : "&pageToken=" + token));
            page.get("users").forEach(users::add);
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null && users.size() < limit);
        return users;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
