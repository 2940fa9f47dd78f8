package domain.user;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Maps one raw RandomUser profile (API 1.0 to 1.4) to a {@link User}, or rejects it with a reason
 * that names the field and the value. Pure and stateless, so every stage (fetch, replay, the Spark
 * sidecar) can run it and reach the same verdict.
 *
 * <p>Rejected: a missing, blank or non-canonical {@code login.uuid} (without it the user has no
 * stable identity, so upserts would duplicate), and any field that is present but malformed: a
 * wrong JSON type, a date that does not parse, an e-mail without '@', a fractional postcode.
 * Not errors: absent fields (read as null), number or string postcodes, street as one string
 * (1.0-1.2) or as {number, name} (1.3+), epoch-second dates (1.0), and everything the pipeline
 * does not store ({@code id}, {@code cell}, coordinates, timezone, hashes), however odd its value.
 */
public final class ProfileMapping {

    private ProfileMapping() {
    }

    public static MappingResult map(RawProfile raw) {
        Objects.requireNonNull(raw, "raw");
        try {
            return mapFields(raw);
        } catch (RuntimeException unexpected) {
            // Safety net only: the readers never throw on any tree shape. Should a future edit let
            // one slip through, it costs this profile, not the page it arrived in.
            return new MappingResult.Rejected(raw,
                    "profile could not be mapped: " + JsonValues.truncate(String.valueOf(unexpected)));
        }
    }

    private static MappingResult mapFields(RawProfile raw) {
        Map<String, Object> root = raw.fields();
        ProfileReader in = new ProfileReader();

        Map<String, Object> login = in.object(root, "login", "login");
        UserId id = identity(in, login);
        Map<String, Object> name = in.object(root, "name", "name");
        Map<String, Object> location = in.object(root, "location", "location");
        Map<String, Object> picture = in.object(root, "picture", "picture");

        // Every field is read even after a problem, so one rejection names all of them.
        String firstName = in.text(name, "first", "name.first");
        String lastName = in.text(name, "last", "name.last");
        String gender = in.text(root, "gender", "gender");
        String address = address(in, location);
        String postCode = in.numberOrText(location, "postcode", "location.postcode");
        String email = email(in, root);
        String username = in.text(login, "username", "login.username");
        Instant dob = in.instant(root, "dob", "dob");
        Instant registered = in.instant(root, "registered", "registered");
        String phone = in.text(root, "phone", "phone");
        String pictureUrl = in.text(picture, "medium", "picture.medium");
        String nationality = in.text(root, "nat", "nat");

        if (in.hasProblems()) {
            return new MappingResult.Rejected(raw, in.problems());
        }
        return new MappingResult.Accepted(new User(id, firstName, lastName, gender, address, postCode,
                email, username, dob, registered, phone, pictureUrl, nationality));
    }

    /** The identity, or {@code null} with a noted problem: without it upserts would duplicate. */
    private static UserId identity(ProfileReader in, Map<String, Object> login) {
        Object value = in.value(login, "uuid");
        if (value == null) {
            in.note("login.uuid is missing: the user cannot be identified");
            return null;
        }
        if (!(value instanceof String text)) {
            in.wrongType("login.uuid", "a UUID string", value);
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            in.note("login.uuid is blank: the user cannot be identified");
            return null;
        }
        UUID uuid = Uuids.parseCanonical(stripped);
        if (uuid == null) {
            in.problem("login.uuid", "is not a UUID", text);
            return null;
        }
        return new UserId(uuid);
    }

    /** The seed pipeline's format: "{number} {street}, {city}, {state}, {country}", gaps left out. */
    private static String address(ProfileReader in, Map<String, Object> location) {
        if (location == null) {
            return null;
        }
        StringBuilder address = new StringBuilder(96);
        append(address, street(in, location));
        append(address, in.text(location, "city", "location.city"));
        append(address, in.text(location, "state", "location.state"));
        append(address, in.text(location, "country", "location.country"));
        return address.length() == 0 ? null : address.toString();
    }

    /** 1.0-1.2 send "6738 lone wolf trail"; 1.3+ send {"number": 4992, "name": "King Street"}. */
    private static String street(ProfileReader in, Map<String, Object> location) {
        Object street = in.value(location, "street");
        if (street instanceof String) {
            return in.text(location, "street", "location.street");
        }
        if (street != null && !(street instanceof Map)) {
            in.wrongType("location.street", "a string or an object", street);
            return null;
        }
        Map<String, Object> parts = in.object(location, "street", "location.street");
        String number = in.numberOrText(parts, "number", "location.street.number");
        String name = in.text(parts, "name", "location.street.name");
        if (number == null || name == null) {
            return number == null ? name : number;
        }
        return number + " " + name;
    }

    private static void append(StringBuilder address, String part) {
        if (part == null) {
            return;
        }
        if (address.length() > 0) {
            address.append(", ");
        }
        address.append(part);
    }

    /** Only the '@' is checked: real validation is the mail server's job, not an ingestion's. */
    private static String email(ProfileReader in, Map<String, Object> root) {
        String email = in.text(root, "email", "email");
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            in.problem("email", "is not an e-mail address", email);
            return null;
        }
        return email;
    }
}
