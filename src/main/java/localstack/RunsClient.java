package localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.run.RequestLimits;
import domain.run.RunId;
import json.PipelineJson;

/** The app's HTTP API, used the way Airflow and a person use it. */
public final class RunsClient {

    private static final ObjectMapper JSON = PipelineJson.mapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String bearerToken;

    public RunsClient(URI base) {
        this(base, null);
    }

    /** @param bearerToken sent on every request when not null: the app guards all of {@code /api/*} with it */
    public RunsClient(URI base, String bearerToken) {
        this.base = base;
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
    }

    public String fetchUsers(String body, String idempotencyKey) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                authorised(HttpRequest.newBuilder(base.resolve("api/commands/fetch-users"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", idempotencyKey)
                                .POST(HttpRequest.BodyPublishers.ofString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalArgumentException(
                    "the app refused the command (HTTP " + response.statusCode() + "): " + errorOf(response));
        }
        return JSON.readTree(response.body()).get("runId").asText();
    }

    public JsonNode run(String runId) throws IOException, InterruptedException {
        return get("api/runs/" + runId);
    }

    /** The run's users as the API lists them (read from Cassandra), up to {@code limit}. */
    public List<JsonNode> usersOfRun(String runId, int limit) throws IOException, InterruptedException {
        List<JsonNode> users = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = get("api/runs/" + runId + "/users?pageSize=" + RequestLimits.MAX_USERS_PAGE_SIZE
                    + (token == null ? "" : "&pageToken=" + token));
            page.get("users").forEach(users::add);
            token = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
        } while (token != null && users.size() < limit);
        return users;
    }

    /**
     * {@code POST /api/runs/{runId}/replay}: publish the run's stored users again.
     *
     * @return empty when the app accepted (202); else why it refused (no such run, or not now: 404, 409)
     * @throws IllegalArgumentException when the app wants a bearer token this client lacks (401)
     */
    public Optional<String> replay(RunId runId) throws IOException, InterruptedException {
        HttpRequest.Builder request = authorised(HttpRequest.newBuilder(base.resolve("api/runs/" + runId + "/replay"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return switch (response.statusCode()) {
            case 202 -> Optional.empty();
            case 404, 409 -> Optional.of(errorOf(response));
            case 401 ->
                throw new IllegalArgumentException(
                        "the app wants its bearer token (HTTP 401): set PIPELINE_API_TOKEN or pass --api-token-file");
            default ->
                throw new IllegalStateException("POST api/runs/" + runId + "/replay answered HTTP "
                        + response.statusCode() + ": " + errorOf(response));
        };
    }

    /** The most recent runs, at most {@code limit}. */
    public List<JsonNode> runs(int limit) throws IOException, InterruptedException {
        List<JsonNode> runs = new ArrayList<>();
        get("api/runs?limit=" + limit).get("runs").forEach(runs::add);
        return runs;
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }

    private static String errorOf(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("error").asText(response.body());
        } catch (IOException notJson) {
            return response.body();
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                authorised(HttpRequest.newBuilder(base.resolve(path)).GET()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
