package adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import application.port.in.RunView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.run.RequestLimits;
import io.javalin.Javalin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written document must describe exactly the app that runs, not the one someone remembers. */
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static JsonNode document;

    @BeforeAll
    static void readTheDocument() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(HttpApi.OPENAPI_RESOURCE)) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            document = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void given_the_document_when_listing_its_operations_then_they_are_exactly_the_routes_the_app_registers() {
        Set<String> documented = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (HTTP_METHODS.contains(method)) {
                        documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));

        assertThat(documented)
                .isEqualTo(routesOf(ApiFixture.anApi().app()))
                .isEqualTo(routesOf(ApiFixture.anApi()
                        .with(settings -> settings.withBearerToken(BearerAuthTest.TOKEN))
                        .app()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "RunView, application.port.in.RunView",
        "FetchUsersRequest, adapters.http.FetchUsersRequest",
        "RunAccepted, adapters.http.CommandHandlers$RunAccepted",
        "RunLinks, adapters.http.CommandHandlers$Links",
        "RunList, adapters.http.RunHandlers$RunList",
        "UserView, application.port.in.UserView",
        "UserList, application.port.in.UserList",
        "Health, adapters.http.OperationsHandlers$Health",
        "Readiness, adapters.http.OperationsHandlers$Readiness",
        "Error, adapters.http.ErrorBody"
    })
    void given_a_schema_when_comparing_it_with_its_record_then_the_property_names_are_the_component_names(
            String schema, Class<?> record) {
        JsonNode properties =
                document.path("components").path("schemas").path(schema).path("properties");
        List<String> documented = new ArrayList<>();
        properties.fieldNames().forEachRemaining(documented::add);

        assertThat(documented).containsExactly(componentNames(record));
    }

    @Test
    void given_the_run_view_schema_when_reading_its_required_list_then_it_names_only_real_components() {
        List<String> required = new ArrayList<>();
        document.path("components")
                .path("schemas")
                .path("RunView")
                .path("required")
                .forEach(name -> required.add(name.asText()));

        assertThat(componentNames(RunView.class)).contains(required.toArray(String[]::new));
    }

    @Test
    void given_the_document_when_following_every_ref_then_each_points_at_a_component() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void given_the_command_route_when_reading_its_operation_then_it_needs_the_bearer_scheme_and_lists_its_failures() {
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearerAuth");
        JsonNode command =
                document.path("paths").path("/api/commands/fetch-users").path("post");

        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(command.path("security").get(0).has("bearerAuth")).isTrue();
        assertThat(fieldNames(command.path("responses"))).contains("202", "400", "401", "413", "415");
    }

    @Test
    void given_every_api_operation_when_reading_its_security_then_it_needs_the_bearer_scheme_and_lists_401_and_421() {
        document.path("paths").properties().stream()
                .filter(path -> path.getKey().startsWith("/api/"))
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String name = operation.getKey() + " " + path.getKey();
                    assertThat(effectiveSecurity(operation.getValue()))
                            .as(name)
                            .singleElement()
                            .satisfies(requirement ->
                                    assertThat(requirement.has("bearerAuth")).isTrue());
                    assertThat(fieldNames(operation.getValue().path("responses")))
                            .as(name)
                            .contains("401", "421");
                }));
    }

    @Test
    void
            given_the_operations_routes_when_reading_their_security_then_health_is_open_and_ready_and_metrics_may_need_it() {
        assertThat(effectiveSecurity(document.at("/paths/~1health/get"))).isEmpty();
        assertThat(effectiveSecurity(document.at("/paths/~1openapi.json/get"))).isEmpty();
        for (String route : List.of("/paths/~1ready/get", "/paths/~1metrics/get")) {
            JsonNode operation = document.at(route);
            assertThat(effectiveSecurity(operation)).as(route).hasSize(2);
            assertThat(effectiveSecurity(operation).get(0).isEmpty())
                    .as("open by default")
                    .isTrue();
            assertThat(fieldNames(operation.path("responses"))).as(route).contains("401", "421");
        }
    }

    @Test
    void given_the_request_schema_when_reading_gender_nationalities_and_paging_then_they_match_what_the_server_takes() {
        JsonNode request = document.at("/components/schemas/FetchUsersRequest/properties");
        JsonNode pageToken = document.at("/paths/~1api~1runs~1{runId}~1users/get/parameters/2");

        assertThat(request.at("/gender/nullable").asBoolean()).isTrue();
        assertThat(request.at("/gender/enum").get(2).isNull())
                .as("OpenAPI 3.0: a nullable enum lists null")
                .isTrue();
        assertThat(new TreeSet<>(textValues(request.at("/nationalities/items/enum"))))
                .isEqualTo(new TreeSet<>(RequestLimits.NATIONALITIES));
        assertThat(pageToken.path("name").asText()).isEqualTo("pageToken");
        assertThat(pageToken.at("/schema/pattern").asText()).isEqualTo("^[A-Za-z0-9_-]*$");
        assertThat(pageToken.path("description").asText()).contains("Base64", "400");
    }

    /** An operation's own security, else the document's: what a client must send. */
    private static List<JsonNode> effectiveSecurity(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        List<JsonNode> requirements = new ArrayList<>();
        security.forEach(requirements::add);
        return requirements;
    }

    @Test
    void given_the_replay_route_when_reading_its_operation_then_it_needs_the_bearer_scheme_and_lists_404_and_409() {
        JsonNode replay = document.at("/paths/~1api~1runs~1{runId}~1replay/post");

        assertThat(replay.path("security").get(0).has("bearerAuth")).isTrue();
        assertThat(fieldNames(replay.path("responses"))).contains("202", "401", "404", "409");
        assertThat(replay.has("requestBody")).as("the command takes no body").isFalse();
    }

    @Test
    void given_the_other_routes_when_reading_their_responses_then_404_and_503_are_documented_where_they_happen() {
        assertThat(fieldNames(document.at("/paths/~1api~1runs~1{runId}/get/responses")))
                .contains("200", "404");
        assertThat(fieldNames(document.at("/paths/~1ready/get/responses"))).contains("200", "503");
        assertThat(fieldNames(document.at("/paths/~1api~1runs/get/responses"))).contains("200", "400");
    }

    @Test
    void given_the_documented_limits_when_comparing_them_with_the_request_limits_then_they_are_the_same() {
        JsonNode request = document.at("/components/schemas/FetchUsersRequest/properties");
        JsonNode command = document.at("/paths/~1api~1commands~1fetch-users/post/parameters/0/schema");
        JsonNode runs = document.at("/paths/~1api~1runs/get/parameters/0/schema");
        JsonNode users = document.at("/paths/~1api~1runs~1{runId}~1users/get/parameters/1/schema");

        assertThat(request.at("/count/maximum").asInt()).isEqualTo(RequestLimits.MAX_COUNT);
        assertThat(textValues(request.at("/gender/enum")).stream().filter(value -> !value.equals("null")))
                .isEqualTo(RequestLimits.GENDERS);
        assertThat(request.at("/seed/pattern").asText()).isEqualTo("^" + RequestLimits.SEED.pattern() + "$");
        assertThat(command.path("maxLength").asInt()).isEqualTo(RequestLimits.MAX_IDEMPOTENCY_KEY_LENGTH);
        assertThat(runs.path("maximum").asInt()).isEqualTo(RequestLimits.MAX_RUNS_LISTED);
        assertThat(users.path("maximum").asInt()).isEqualTo(RequestLimits.MAX_USERS_PAGE_SIZE);
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> routesOf(Javalin app) {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(entry -> entry.getEndpoint())
                .filter(endpoint -> endpoint.getMethod().isHttpMethod())
                .map(endpoint -> endpoint.getMethod().name() + " " + endpoint.getPath())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String[] componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toArray(String[]::new);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
