package embedded.randomuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RandomUserServerApiTest {

    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static RandomUserServer server;
    private static LoopbackHttp http;

    @BeforeAll
    static void startServer() {
        server = RandomUserServer.start(0);
        http = new LoopbackHttp(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static List<JsonNode> users(JsonNode response) {
        List<JsonNode> out = new ArrayList<>();
        response.get("results").forEach(out::add);
        return out;
    }

    private static List<JsonNode> users(String query) {
        return users(http.json(query));
    }

    // ------------------------------------------------------------------------ basics

    @Test
    void given_a_running_server_when_asking_its_base_uri_then_it_is_the_1_4_api_on_loopback() {
        assertThat(server.baseUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/api/1\\.4/");
        assertThat(server.baseUri().getPort()).isEqualTo(server.port()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/", "/api", "/api/1.3/", "/api/1.4/", "/api/1.4"})
    void given_any_supported_api_path_when_fetching_then_the_1_4_shape_is_served_as_utf8_json(String path) {
        HttpResponse<String> response = http.get(path + "?results=3&seed=paths");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        JsonNode body = LoopbackHttp.parse(response.body());
        assertThat(body.get("results")).hasSize(3);
        JsonNode info = body.get("info");
        assertThat(info.get("seed").asText()).isEqualTo("paths");
        assertThat(info.get("results").asInt()).isEqualTo(3);
        assertThat(info.get("page").asInt()).isEqualTo(1);
        assertThat(info.get("version").asText()).isEqualTo("1.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/1.2/", "/api/2.0/", "/users", "/api/1.4/extra"})
    void given_an_unknown_path_when_fetching_then_404_with_a_json_error(String path) {
        HttpResponse<String> response = http.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(LoopbackHttp.parse(response.body()).get("error").asText()).isNotBlank();
    }

    // ------------------------------------------------------------------------ determinism

    @Test
    void given_the_same_seed_and_page_when_fetched_twice_then_the_bodies_are_identical() {
        String query = "?results=200&page=3&seed=same-seed&nat=us,gb,tr";

        assertThat(http.get(query).body()).isEqualTo(http.get(query).body());
    }

    @Test
    void given_page_2_of_size_50_when_compared_with_a_page_of_100_then_it_equals_positions_50_to_99() {
        List<JsonNode> hundred = users("?results=100&page=1&seed=paging");
        List<JsonNode> secondFifty = users("?results=50&page=2&seed=paging");
        List<JsonNode> page11Of10 = users("?results=10&page=11&seed=paging");

        assertThat(secondFifty).isEqualTo(hundred.subList(50, 100));
        assertThat(page11Of10).isEqualTo(users("?results=110&seed=paging").subList(100, 110));
    }

    @Test
    void given_a_seed_when_fetching_10_pages_then_all_login_uuids_are_unique_version_4_strings() {
        Set<String> uuids = new HashSet<>();
        for (int page = 1; page <= 10; page++) {
            for (JsonNode user : users("?results=500&seed=unique-ids&page=" + page)) {
                String uuid = user.get("login").get("uuid").asText();
                assertThat(uuid).matches(UUID_V4);
                uuids.add(uuid);
            }
        }
        assertThat(uuids).hasSize(5000);
    }

    @Test
    void given_different_seeds_or_nat_filters_when_fetching_the_same_position_then_the_users_differ() {
        String a = users("?results=1&seed=one").get(0).get("login").get("uuid").asText();
        String b = users("?results=1&seed=two").get(0).get("login").get("uuid").asText();
        String c = users("?results=1&seed=one&nat=US")
                .get(0)
                .get("login")
                .get("uuid")
                .asText();

        assertThat(Set.of(a, b, c)).hasSize(3);
    }

    @Test
    void given_no_seed_when_fetching_then_a_random_16_hex_seed_is_echoed_and_reproduces_the_page() {
        JsonNode first = http.json("?results=20");
        String seed = first.get("info").get("seed").asText();

        assertThat(seed).matches("[0-9a-f]{16}");
        assertThat(users("?results=20&seed=" + seed)).isEqualTo(users(first));
        assertThat(http.json("?results=1").get("info").get("seed").asText()).isNotEqualTo(seed);
    }

    // ------------------------------------------------------------------------ shape

    /** Ordered key paths of a JSON tree, e.g. "location.street.number". */
    private static List<String> keyPaths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            out.add(path);
            JsonNode child = node.get(name);
            if (child.isObject()) {
                out.addAll(keyPaths(child, path));
            }
        }
        return out;
    }

    static Stream<String> nationalities() {
        return Nationalities.load().all().stream().map(n -> n.code);
    }

    @ParameterizedTest
    @MethodSource("nationalities")
    void given_the_real_1_4_fixture_when_comparing_generated_users_then_the_key_structure_is_identical(String nat) {
        JsonNode fixture = LoopbackHttp.fixture("v1.4-NL-1user.json");
        List<String> expected = keyPaths(fixture.get("results").get(0), "");
        JsonNode response = http.json("?results=20&seed=shape&nat=" + nat);

        assertThat(keyPaths(response, ""))
                .startsWith("results")
                .contains("info.seed", "info.results", "info.page", "info.version");
        assertThat(keyPaths(response.get("info"), "")).isEqualTo(keyPaths(fixture.get("info"), ""));
        for (JsonNode user : users(response)) {
            assertThat(keyPaths(user, "")).isEqualTo(expected);
            assertThat(user.get("nat").asText()).isEqualTo(nat);
        }
    }

    @Test
    void given_the_real_mixed_fixture_when_comparing_its_users_then_they_share_the_structure_we_generate() {
        List<String> ours = keyPaths(users("?results=1&seed=x").get(0), "");
        for (JsonNode real :
                LoopbackHttp.fixture("v1.4-mixed21nat-111users.json").get("results")) {
            assertThat(keyPaths(real, "")).isEqualTo(ours);
        }
    }

    @Test
    void given_a_page_of_users_when_inspecting_scalar_types_then_they_match_the_real_api() {
        for (JsonNode u : users("?results=300&seed=types")) {
            assertThat(u.get("gender").asText()).isIn("male", "female");
            assertThat(u.at("/location/street/number").isInt()).isTrue();
            assertThat(u.at("/location/street/name").isTextual()).isTrue();
            assertThat(u.at("/location/coordinates/latitude").isTextual()).isTrue();
            assertThat(u.at("/location/coordinates/longitude").isTextual()).isTrue();
            double lat =
                    Double.parseDouble(u.at("/location/coordinates/latitude").asText());
            assertThat(lat).isBetween(-90.0, 90.0);
            assertThat(u.at("/location/timezone/offset").asText()).matches("[+-]?\\d{1,2}:\\d{2}");
            assertThat(u.at("/dob/date").asText()).matches(ISO_MILLIS);
            assertThat(u.at("/registered/date").asText()).matches(ISO_MILLIS);
            assertThat(u.at("/dob/age").isInt()).isTrue();
            assertThat(u.at("/login/md5").asText()).matches("[0-9a-f]{32}");
            assertThat(u.at("/login/sha1").asText()).matches("[0-9a-f]{40}");
            assertThat(u.at("/login/sha256").asText()).matches("[0-9a-f]{64}");
            assertThat(u.at("/login/salt").asText()).matches("[A-Za-z0-9]{8}");
            assertThat(u.at("/login/username").asText()).matches("[a-z]+\\d{3}");
            assertThat(u.at("/email").asText()).matches("[a-z0-9-]+\\.[a-z0-9-]+@example\\.com");
            String dir = u.get("gender").asText().equals("male") ? "men" : "women";
            assertThat(u.at("/picture/large").asText())
                    .matches("https://randomuser\\.me/api/portraits/" + dir + "/\\d{1,2}\\.jpg");
            assertThat(u.at("/picture/medium").asText()).contains("/portraits/med/" + dir + "/");
            assertThat(u.at("/picture/thumbnail").asText()).contains("/portraits/thumb/" + dir + "/");
        }
    }

    @Test
    void given_dob_dates_when_computing_ages_then_they_agree_with_java_time() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (JsonNode u : users("?results=500&seed=ages&inc=dob,registered")) {
            for (String field : List.of("dob", "registered")) {
                LocalDate date = LocalDate.ofInstant(
                        Instant.parse(u.get(field).get("date").asText()), ZoneOffset.UTC);
                int age = Period.between(date, today).getYears();
                assertThat(u.get(field).get("age").asInt()).isBetween(age - 1, age); // server date may be a day older
            }
        }
    }

    @Test
    void given_a_user_when_reading_the_email_then_it_is_first_dot_last_lowercased_and_ascii_folded() {
        for (JsonNode u : users("?results=200&seed=mail&nat=DE,NO,TR,US")) {
            String email = u.get("email").asText();
            String first = NameForms.fold(u.at("/name/first").asText());
            String last = NameForms.fold(u.at("/name/last").asText());
            assertThat(email).isEqualTo(first + "." + last + "@example.com");
        }
    }

    // ------------------------------------------------------------------------ quirks per nationality

    @Test
    void given_gb_ca_nl_no_ie_users_when_reading_postcodes_then_they_are_realistic_strings() {
        assertPostcodes("GB", "[A-Z]{1,2}\\d[A-Z\\d]? \\d[A-Z]{2}");
        assertPostcodes("CA", "[A-Z]\\d[A-Z] \\d[A-Z]\\d");
        assertPostcodes("NL", "\\d{4} [A-Z]{2}");
        assertPostcodes("NO", "\\d{4}");
        assertPostcodes("IE", "[A-Z]\\d{2} [A-Z0-9]{4}");
    }

    private static void assertPostcodes(String nat, String regex) {
        for (JsonNode u : users("?results=50&seed=postcodes&nat=" + nat)) {
            JsonNode postcode = u.at("/location/postcode");
            assertThat(postcode.isTextual()).as("%s postcode %s", nat, postcode).isTrue();
            assertThat(postcode.asText()).matches(regex);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "AU", "DE", "FR", "IR", "TR", "CH", "BR"})
    void given_most_nationalities_when_reading_postcodes_then_they_are_numbers(String nat) {
        for (JsonNode u : users("?results=50&seed=postcodes&nat=" + nat)) {
            assertThat(u.at("/location/postcode").isInt())
                    .as("%s postcode", nat)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"IR", "NZ", "TR", "UA"})
    void given_nationalities_without_an_id_when_reading_id_then_value_is_null_and_name_empty(String nat) {
        for (JsonNode u : users("?results=30&seed=ids&nat=" + nat)) {
            assertThat(u.get("id").has("value")).isTrue();
            assertThat(u.at("/id/value").isNull()).isTrue();
            assertThat(u.at("/id/name").asText()).isEmpty();
        }
    }

    @Test
    void given_us_users_when_reading_id_and_phone_then_they_look_american() {
        for (JsonNode u : users("?results=30&seed=us&nat=US")) {
            assertThat(u.at("/id/name").asText()).isEqualTo("SSN");
            assertThat(u.at("/id/value").asText()).matches("\\d{3}-\\d{2}-\\d{4}");
            assertThat(u.get("phone").asText()).matches("\\(\\d{3}\\) \\d{3}-\\d{4}");
        }
    }

    @Test
    void given_many_fi_and_fr_users_when_reading_ids_then_some_are_real_api_garbage() {
        List<String> fi = ids("FI");
        List<String> fr = ids("FR");

        assertThat(fi).anyMatch(v -> v.matches("NaNNA\\d{3}undefined")).anyMatch(v -> v.matches("\\d{6}-\\d{3}[A-Z]"));
        assertThat(fr).anyMatch(v -> v.matches("\\dNNaN\\d{8} \\d{2}")).anyMatch(v -> v.matches("\\d{13} \\d{2}"));
    }

    private static List<String> ids(String nat) {
        return users("?results=100&seed=garbage&nat=" + nat).stream()
                .map(u -> u.at("/id/value").asText())
                .toList();
    }

    @Test
    void given_ca_and_ua_users_when_reading_phones_then_some_carry_letters() {
        assertThat(users("?results=20&seed=phones&nat=CA,UA"))
                .allMatch(u -> u.get("phone").asText().matches(".*[A-Z].*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TR", "NO", "DE", "RS"})
    void given_nationalities_with_non_ascii_names_when_reading_names_then_some_are_non_ascii(String nat) {
        assertThat(users("?results=40&seed=scripts&nat=" + nat))
                .anyMatch(
                        u -> (u.at("/name/first").asText() + u.at("/name/last").asText())
                                .chars()
                                .anyMatch(c -> c > 127));
    }

    @Test
    void given_iranian_users_when_reading_names_then_they_are_in_persian_script() {
        for (JsonNode u : users("?results=20&seed=scripts&nat=IR")) {
            assertThat(u.at("/name/first").asText()).matches("[\\u0600-\\u06FF ]+");
            assertThat(u.get("email").asText()).matches("[a-z]+\\.[a-z]+@example\\.com");
        }
    }

    @Test
    void given_many_users_when_reading_street_names_and_offsets_then_real_quirks_appear() {
        List<JsonNode> many = users("?results=2000&seed=quirks");

        assertThat(many).anyMatch(u -> u.at("/location/street/name").asText().endsWith(" "));
        assertThat(many)
                .anyMatch(u -> u.at("/location/timezone/offset").asText().equals("0:00"));
        assertThat(many.stream().map(u -> u.get("nat").asText()).distinct()).hasSize(21);
    }

    // ------------------------------------------------------------------------ parameters

    @ParameterizedTest
    @ValueSource(strings = {"0", "99999", "abc", "-5", "5001", ""})
    void given_an_invalid_results_parameter_when_fetching_then_exactly_one_user_is_served(String results) {
        JsonNode body = http.json("?seed=r&results=" + results);

        assertThat(body.get("results")).hasSize(1);
        assertThat(body.at("/info/results").asInt()).isEqualTo(1);
    }

    @Test
    void given_the_maximum_page_size_when_fetching_then_5000_users_are_served() {
        assertThat(http.json("?results=5000&seed=max").get("results")).hasSize(5000);
    }

    @Test
    void given_an_unknown_nationality_in_the_filter_when_fetching_then_the_whole_filter_is_ignored() {
        String unfiltered = http.get("?results=100&seed=natfilter").body();
        String withUnknown = http.get("?results=100&seed=natfilter&nat=US,XX").body();

        assertThat(withUnknown).isEqualTo(unfiltered);
        assertThat(users(LoopbackHttp.parse(withUnknown)).stream()
                        .map(u -> u.get("nat").asText())
                        .distinct()
                        .count())
                .isGreaterThan(10);
    }

    @Test
    void given_a_lowercase_nat_list_when_fetching_then_only_those_nationalities_appear() {
        List<JsonNode> list = users("?results=100&seed=nat&nat=gb,%20us");

        assertThat(list)
                .extracting(u -> u.get("nat").asText())
                .containsOnly("GB", "US")
                .contains("GB", "US");
        assertThat(users("?results=100&seed=nat&nat=US,GB")).isEqualTo(list);
    }

    @Test
    void given_gender_without_a_seed_when_fetching_then_all_users_have_that_gender() {
        assertThat(users("?results=100&gender=female"))
                .allMatch(u -> u.get("gender").asText().equals("female")
                        && u.at("/picture/large").asText().contains("/women/"));
        assertThat(users("?results=100&gender=MALE"))
                .allMatch(u -> u.get("gender").asText().equals("male"));
    }

    @Test
    void given_gender_with_a_seed_when_fetching_then_gender_is_ignored_as_the_real_api_does() {
        List<JsonNode> withGender = users("?results=100&seed=g&gender=female");

        assertThat(withGender).isEqualTo(users("?results=100&seed=g"));
        assertThat(withGender).extracting(u -> u.get("gender").asText()).contains("male", "female");
    }

    @Test
    void given_inc_when_fetching_then_only_those_fields_are_present_and_users_are_unchanged() {
        List<JsonNode> full = users("?results=20&seed=inc");
        List<JsonNode> inc = users("?results=20&seed=inc&inc=login,nat,name");

        for (int i = 0; i < full.size(); i++) {
            assertThat(inc.get(i).fieldNames()).toIterable().containsExactly("name", "login", "nat");
            assertThat(inc.get(i).get("login")).isEqualTo(full.get(i).get("login"));
            assertThat(inc.get(i).get("name")).isEqualTo(full.get(i).get("name"));
        }
    }

    @Test
    void given_exc_when_fetching_then_those_fields_are_absent_and_the_rest_unchanged() {
        List<JsonNode> full = users("?results=20&seed=exc");
        List<JsonNode> exc = users("?results=20&seed=exc&exc=gender,login,picture,bogus");

        for (int i = 0; i < full.size(); i++) {
            List<String> names = new ArrayList<>();
            exc.get(i).fieldNames().forEachRemaining(names::add);
            assertThat(names)
                    .containsExactly("name", "location", "email", "dob", "registered", "phone", "cell", "id", "nat");
            for (String name : names) {
                assertThat(exc.get(i).get(name)).isEqualTo(full.get(i).get(name));
            }
        }
    }

    @Test
    void given_inc_and_exc_together_when_fetching_then_exc_removes_from_the_included_fields() {
        JsonNode user =
                users("?results=1&seed=both&inc=name,email,nat&exc=email").get(0);

        assertThat(user.fieldNames()).toIterable().containsExactly("name", "nat");
    }

    @Test
    void given_noinfo_when_fetching_then_the_info_object_is_omitted() {
        JsonNode body = http.json("?results=2&seed=n&noinfo");

        assertThat(body.has("info")).isFalse();
        assertThat(body.get("results")).hasSize(2);
    }

    @Test
    void given_a_seed_with_json_special_characters_when_fetching_then_it_is_echoed_escaped() {
        JsonNode body = http.json("?results=1&seed=%22quoted%22%5Cpath%C3%A9");

        assertThat(body.at("/info/seed").asText()).isEqualTo("\"quoted\"\\pathé");
    }

    // ------------------------------------------------------------------------ stats

    @Test
    void given_requests_when_reading_stats_then_requests_and_users_are_counted() {
        long requests = server.stats().requests();
        long users = server.stats().users();

        http.json("?results=7&seed=s");
        http.json("?results=3&seed=s");
        http.get("/not-an-api-path");

        assertThat(server.stats().requests()).isEqualTo(requests + 2);
        assertThat(server.stats().users()).isEqualTo(users + 10);
        JsonNode stats = LoopbackHttp.parse(http.get("/_control/stats").body());
        assertThat(stats.get("requests").asLong()).isGreaterThanOrEqualTo(requests + 2);
        assertThat(stats.get("users").asLong()).isGreaterThanOrEqualTo(users + 10);
    }
}
