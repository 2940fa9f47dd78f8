package adapters.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;

/**
 * Test data for rates: users recombined field by field from the real RandomUser sample in
 * fixtures/randomuser, with random numbers and ids, so messages vary as much as real ones do.
 * Copies of one template would compress far better than real data and flatter lz4.
 */
final class RealisticUsers {

    private static final String FIXTURE = "/fixtures/randomuser/v1.4-mixed21nat-111users.json";
    private static final long DOB_FROM = Instant.parse("1945-01-01T00:00:00Z").toEpochMilli();
    private static final long DOB_TO = Instant.parse("2005-01-01T00:00:00Z").toEpochMilli();
    private static final long REGISTERED_FROM =
            Instant.parse("2002-01-01T00:00:00Z").toEpochMilli();
    private static final long REGISTERED_TO =
            Instant.parse("2022-01-01T00:00:00Z").toEpochMilli();

    private final List<JsonNode> profiles = new ArrayList<>();
    private final SplittableRandom random;

    RealisticUsers(long seed) {
        this.random = new SplittableRandom(seed);
        try (InputStream in = RealisticUsers.class.getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: " + FIXTURE);
            }
            new ObjectMapper().readTree(in).get("results").forEach(profiles::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<UserFetched> next(int count, RunId runId) {
        List<UserFetched> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(new UserFetched(runId, 1 + i / 5000, user(), Instant.now()));
        }
        return users;
    }

    private User user() {
        JsonNode person = any();
        JsonNode place = any();
        String first = person.at("/name/first").asText();
        String last = any().at("/name/last").asText();
        String gender = person.get("gender").asText();
        String address = (1 + random.nextInt(9999)) + " "
                + any().at("/location/street/name").asText() + ", "
                + place.at("/location/city").asText() + ", "
                + place.at("/location/state").asText() + ", "
                + place.at("/location/country").asText();
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '-') + "@example.com";
        String username = any().at("/login/username").asText().replaceAll("\\d+$", "") + random.nextInt(1000);
        String phone = scrambleDigits(any().get("phone").asText());
        String picture = "https://randomuser.me/api/portraits/med/" + (gender.equals("female") ? "women" : "men") + "/"
                + random.nextInt(100) + ".jpg";
        return new User(
                new UserId(UUID.randomUUID()),
                first,
                last,
                gender,
                address,
                place.at("/location/postcode").asText(),
                email,
                username,
                Instant.ofEpochMilli(random.nextLong(DOB_FROM, DOB_TO)),
                Instant.ofEpochMilli(random.nextLong(REGISTERED_FROM, REGISTERED_TO)),
                phone,
                picture,
                place.get("nat").asText());
    }

    private JsonNode any() {
        return profiles.get(random.nextInt(profiles.size()));
    }

    private String scrambleDigits(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            result.append(Character.isDigit(c) ? (char) ('0' + random.nextInt(10)) : c);
        }
        return result.toString();
    }
}
