package embedded.randomuser;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One nationality of the loopback source, encoded for {@link UserWriter}: every name, place and
 * pattern is held as the JSON bytes the writer copies into a user (quoted and escaped), so writing a
 * user never encodes a string. Built once from a {@link NationalityEntry}; the arrays are never
 * modified afterwards (fields rather than accessors because the writer reads them per user).
 *
 * <p>Patterns (phones, ids, string postcodes) are ASCII templates: {@code #} becomes a random digit,
 * {@code @} a random upper-case letter, anything else is copied.
 */
final class Nationality {

    final String code;
    final byte[] natJson;
    final byte[] countryJson;
    final byte[][] titlesMale;
    final byte[][] titlesFemale;
    final byte[][] firstMale;
    final byte[][] firstMaleEmail;
    final byte[][] firstFemale;
    final byte[][] firstFemaleEmail;
    final byte[][] last;
    final byte[][] lastEmail;
    final byte[][] streets;
    final byte[][] cities;
    final byte[][] states;
    /** Numeric postcodes in [min, max] when {@link #postcodePatterns} is null. */
    final int postcodeMin;

    final int postcodeMax;
    final byte[][] postcodePatterns;
    final byte[][] phonePatterns;
    final byte[][] cellPatterns;
    /** {@code "name":"SSN","value":} prefix, or null for nationalities without an id. */
    final byte[] idNameJson;

    final byte[][] idPatterns;
    final byte[][] idGarbagePatterns;
    /** Out of 1000 users of this nationality, how many get a garbage id. */
    final int idGarbagePerMille;

    /** @param e a {@linkplain NationalityEntry#validate() valid} entry */
    Nationality(NationalityEntry e) {
        this.code = e.code();
        this.natJson = JsonStrings.quote(e.code());
        this.countryJson = JsonStrings.quote(e.country());
        this.titlesMale = quoted(e.titles().male());
        this.titlesFemale = quoted(e.titles().female());
        this.firstMale = displayForms(e.firstNames().male());
        this.firstMaleEmail = emailForms(e.firstNames().male());
        this.firstFemale = displayForms(e.firstNames().female());
        this.firstFemaleEmail = emailForms(e.firstNames().female());
        this.last = displayForms(e.lastNames());
        this.lastEmail = emailForms(e.lastNames());
        this.streets = quoted(e.streets());
        this.cities = quoted(e.cities());
        this.states = quoted(e.states());
        NationalityEntry.Postcode postcode = e.postcode();
        this.postcodePatterns = postcode.patterns() == null ? null : quoted(postcode.patterns());
        this.postcodeMin = postcode.patterns() == null ? postcode.min() : 0;
        this.postcodeMax = postcode.patterns() == null ? postcode.max() : 0;
        this.phonePatterns = quoted(e.phones());
        this.cellPatterns = quoted(e.cells());
        NationalityEntry.IdDocument id = e.id();
        this.idNameJson = id == null
                ? null
                : ("\"name\":" + JsonStrings.quoteToString(id.name()) + ",\"value\":").getBytes(StandardCharsets.UTF_8);
        this.idPatterns = id == null ? null : quoted(id.patterns());
        this.idGarbagePatterns =
                id == null || id.garbage() == null ? null : quoted(id.garbage().patterns());
        this.idGarbagePerMille =
                id == null || id.garbage() == null ? 0 : id.garbage().perMille();
    }

    private static byte[][] quoted(List<String> values) {
        byte[][] out = new byte[values.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = JsonStrings.quote(values.get(i));
        }
        return out;
    }

    private static byte[][] displayForms(List<String> names) {
        return quoted(names.stream().map(NameForms::display).toList());
    }

    private static byte[][] emailForms(List<String> names) {
        byte[][] out = new byte[names.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = NameForms.email(names.get(i)).getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
