package embedded.randomuser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The parameters of one API request, resolved the way the real API does: out-of-range or unreadable
 * values fall back to their defaults instead of failing the request.
 */
final class ApiRequest {

    private static final long MAX_PAGE = 1_000_000_000_000L;

    final int results;
    final long page;
    final String seed;
    /** The nationalities users are drawn from. */
    final Nationality[] pool;
    /** The canonical nat filter (sorted codes, comma-separated), "" without one. */
    final String natKey;
    /** -1 for random, 0 male, 1 female. */
    final int forcedGender;
    /** Mask of the top-level fields to write ({@link UserFields}). */
    final int fields;

    final boolean noInfo;

    private ApiRequest(
            int results,
            long page,
            String seed,
            Nationality[] pool,
            String natKey,
            int forcedGender,
            int fields,
            boolean noInfo) {
        this.results = results;
        this.page = page;
        this.seed = seed;
        this.pool = pool;
        this.natKey = natKey;
        this.forcedGender = forcedGender;
        this.fields = fields;
        this.noInfo = noInfo;
    }

    /** First value of each parameter, percent-decoded (UTF-8, '+' is a space). */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static ApiRequest from(Map<String, String> q, Nationalities nationalities) {
        long results = parseLong(q.get("results"), 1);
        if (results < 1 || results > RandomUserServer.MAX_RESULTS) {
            results = 1;
        }
        long page = parseLong(q.get("page"), 1);
        if (page < 1 || page > MAX_PAGE) {
            page = 1;
        }
        String seed = q.get("seed");
        boolean seeded = seed != null && !seed.isEmpty();
        if (!seeded) {
            seed = String.format("%016x", ThreadLocalRandom.current().nextLong());
        }
        // nat: every code must be known, otherwise the filter is ignored
        Nationality[] pool = nationalities.pool();
        String natKey = "";
        String nat = q.get("nat");
        if (nat != null && !nat.isBlank()) {
            TreeSet<String> codes = new TreeSet<>();
            boolean allKnown = true;
            for (String c : nat.split(",")) {
                String code = c.strip().toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (nationalities.byCode(code) == null) {
                    allKnown = false;
                    break;
                }
                codes.add(code);
            }
            if (allKnown && !codes.isEmpty()) {
                List<Nationality> chosen = new ArrayList<>();
                codes.forEach(c -> chosen.add(nationalities.byCode(c)));
                pool = chosen.toArray(new Nationality[0]);
                natKey = String.join(",", codes);
            }
        }
        int forcedGender = -1;
        if (!seeded) {
            String gender = q.getOrDefault("gender", "").strip().toLowerCase(Locale.ROOT);
            if (gender.equals("male")) {
                forcedGender = 0;
            } else if (gender.equals("female")) {
                forcedGender = 1;
            }
        }
        int fields = UserFields.ALL;
        int inc = fieldMask(q.get("inc"));
        if (inc != 0) {
            fields = inc;
        }
        fields &= ~fieldMask(q.get("exc"));
        return new ApiRequest((int) results, page, seed, pool, natKey, forcedGender, fields, q.containsKey("noinfo"));
    }

    private static int fieldMask(String list) {
        int mask = 0;
        if (list != null) {
            for (String f : list.split(",")) {
                mask |= UserFields.bit(f.strip().toLowerCase(Locale.ROOT));
            }
        }
        return mask;
    }

    private static long parseLong(String s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
