package embedded.randomuser;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import json.PipelineJson;

/**
 * The nationalities the loopback source can generate, read from the classpath resource {@value #RESOURCE}
 * once per server start. A missing or malformed table stops the server from starting, with the reason.
 *
 * <p>The resource is a JSON array of {@link NationalityEntry} objects, in the order users are drawn from
 * when a request has no {@code nat} filter. Every field is required except {@code id} (absent for
 * nationalities whose users have {@code "id":{"name":"","value":null}}) and {@code id.garbage}. Names are
 * {@code display} or {@code display~ascii} ({@link NameForms}); patterns are templates where {@code #} is
 * a digit and {@code @} an upper-case letter.
 *
 * <p>The data mirrors real 1.4 responses (see src/test/resources/fixtures/randomuser/SOURCES.md): string
 * postcodes for CA, GB, NL, NO, IE; no id for IR, NZ, TR, UA; garbage ids such as {@code NaNNA229undefined}
 * for some FI and FR users; letters in CA and UA phone numbers; non-ASCII names for IR (Persian), TR, RS,
 * NO, DE and others; street names with a trailing space for some BR and RS streets.
 */
final class Nationalities {

    static final String RESOURCE = "/embedded/randomuser/nationalities.json";

    // a misspelt key in the table is a mistake to report, not a field to skip
    private static final ObjectReader READER = PipelineJson.mapper()
            .readerFor(new TypeReference<List<NationalityEntry>>() {})
            .with(
                    DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final List<Nationality> all;
    private final Nationality[] pool;
    private final Map<String, Nationality> byCode;

    private Nationalities(List<Nationality> all) {
        this.all = Collections.unmodifiableList(all);
        this.pool = all.toArray(new Nationality[0]);
        Map<String, Nationality> codes = new LinkedHashMap<>();
        all.forEach(n -> codes.put(n.code, n));
        this.byCode = Collections.unmodifiableMap(codes);
    }

    /** Reads the table from {@value #RESOURCE}; throws IllegalStateException saying what is wrong with it. */
    static Nationalities load() {
        return load(RESOURCE);
    }

    static Nationalities load(String resource) {
        try (InputStream in = Nationalities.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("nationality table not found on the classpath: " + resource);
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the nationality table " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Reads a table in the {@value #RESOURCE} format; {@code source} names it in error messages. */
    static Nationalities read(InputStream in, String source) {
        List<NationalityEntry> entries;
        try {
            entries = READER.readValue(in);
        } catch (IOException e) {
            throw new IllegalStateException("malformed nationality table " + source + ": " + e.getMessage(), e);
        }
        if (entries == null || entries.isEmpty()) {
            throw new IllegalStateException("nationality table " + source + " is empty");
        }
        List<Nationality> all = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            NationalityEntry entry = entries.get(i);
            String where = "nationality table " + source + ", entry " + i;
            if (entry == null) {
                throw new IllegalStateException(where + " is null");
            }
            where += entry.code() == null ? "" : " (" + entry.code() + ")";
            try {
                entry.validate();
                if (!entry.code().equals(entry.code().toUpperCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("code must be upper case");
                }
                Integer earlier = seen.putIfAbsent(entry.code(), i);
                if (earlier != null) {
                    throw new IllegalArgumentException("code already used by entry " + earlier);
                }
                all.add(new Nationality(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
        }
        return new Nationalities(all);
    }

    /** Every nationality, in table order. */
    List<Nationality> all() {
        return all;
    }

    /** Every nationality, in table order: the pool of a request without a nat filter (shared: never modify). */
    Nationality[] pool() {
        return pool;
    }

    /** The nationality with this code (any case), or null when the code is unknown. */
    Nationality byCode(String code) {
        return byCode.get(code.toUpperCase(Locale.ROOT));
    }
}
