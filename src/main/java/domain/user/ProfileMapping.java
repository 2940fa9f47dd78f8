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
 * <p>Rejected, and only for this: a profile with no usable identity, i.e. a missing, blank, over-long
 * or non-canonical {@code login.uuid} (without it upserts would duplicate), and a profile whose JSON
 * is longer than {@link ProfileLimits#MAX_PROFILE_LENGTH}. Every other user is kept: a malformed
 * optional field (a wrong JSON type, a date that does not parse, an e-mail without '@', a fractional
 * postcode, a value over {@link ProfileLimits#MAX_FIELD_LENGTH}) is read leniently when its meaning is
 * unambiguous, otherwise stored as null, and either way recorded with the user as a
 * {@link FieldProblem} ({@link ProfileReader} lists the cases). Not problems at all: absent fields (read
 * as null), number or string postcodes, street as one string (1.0-1.2) or as {number, name} (1.3+),
 * epoch-second dates (1.0), surrounding spaces, and everything the pipeline does not store
 * ({@code id}, {@code cell}, coordinates, timezone, hashes), however odd its value.
 */
public final class ProfileMapping {

    private ProfileMapping() {}

    public static MappingResult map(RawProfile raw) {
        Objects.requireNonNull(raw, "raw");
        int length = raw.json().length();
        if (length > ProfileLimits.MAX_PROFILE_LENGTH) {
            return new MappingResult.Rejected(
                    raw,
                    "profile is " + length + " characters of JSON, over the limit of "
                            + ProfileLimits.MAX_PROFILE_LENGTH + " (its first "
                            + ProfileLimits.MAX_PROFILE_LENGTH + " are kept)");
        }
        try {
            return mapFields(raw);
        } catch (RuntimeException unexpected) {
            // Safety net only: the readers never throw on any tree shape. Should a future edit let
            // one slip through, it costs this profile, not the page it arrived in.
            return new MappingResult.Rejected(
                    raw, "profile could not be mapped: " + JsonValues.truncate(String.valueOf(unexpected)));
        }
    }

    private static MappingResult mapFields(RawProfile raw) {
        Map<String, Object> root = raw.fields();
        ProfileReader in = new ProfileReader();

        Map<String, Object> login = login(in, root);
        UserId id = identity(in, login);
        if (in.isRejected()) {
            return new MappingResult.Rejected(raw, in.rejection());
        }
        Map<String, Object> name = in.object(root, "name", "name");
        Map<String, Object> location = in.object(root, "location", "location");
        Map<String, Object> picture = in.object(root, "picture", "picture");

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

        return new MappingResult.Accepted(new User(
                id,
                firstName,
                lastName,
                gender,
                address,
                postCode,
                email,
                username,
                dob,
                registered,
                phone,
                pictureUrl,
                nationality,
                in.fieldProblems()));
    }

    /** The {@code login} object, which holds the identity: any other shape is an identity problem. */
    @SuppressWarnings("unchecked") // Jackson's untyped tree: objects are Map<String, Object>
    private static Map<String, Object> login(ProfileReader in, Map<String, Object> root) {
        Object login = in.value(root, "login");
        if (login == null || login instanceof Map) {
            return (Map<String, Object>) login;
        }
        in.reject("login should be an object, not " + JsonValues.describe(login));
        return null;
    }

    /** The identity, or {@code null} with a noted rejection: without it upserts would duplicate. */
    private static UserId identity(ProfileReader in, Map<String, Object> login) {
        Object value = in.value(login, "uuid");
        if (value == null) {
            in.reject("login.uuid is missing: the user cannot be identified");
            return null;
        }
        if (!(value instanceof String text)) {
            in.reject("login.uuid should be a UUID string, not " + JsonValues.describe(value));
            return null;
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            in.reject("login.uuid is blank: the user cannot be identified");
            return null;
        }
        if (stripped.length() > ProfileLimits.MAX_FIELD_LENGTH) {
            in.reject("login.uuid " + ProfileReader.overLimit(stripped) + ": the user cannot be identified");
            return null;
        }
        UUID uuid = Uuids.parseCanonical(stripped);
        if (uuid == null) {
            in.reject("login.uuid is not a UUID: " + JsonValues.show(text));
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
        if (!(street instanceof Map)) {
            // a string as sent; a number kept as its digits, anything else null, as for any text
            return in.text(location, "street", "location.street", "a string or an object");
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
        Object value = in.value(root, "email");
        if (value instanceof Number) {
            // no number is an address: reading it as its digits would only fail the check below
            in.nulled("email", "should be a string, not " + JsonValues.describe(value));
            return null;
        }
        String email = in.text(root, "email", "email");
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            in.nulled("email", "is not an e-mail address: " + JsonValues.show(email));
            return null;
        }
        return email;
    }
}
