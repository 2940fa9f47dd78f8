package embedded.randomuser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes RandomUser 1.4 users as compact JSON, deterministically.
 *
 * <p>The user at global position {@code p} of a given (seed, nationality filter) is a pure function of
 * {@code (seedKey(seed, natFilter), p)}: {@code login.uuid} comes from a 128-bit mix of both (its last
 * 48 bits are a bijection of the position, so uuids of one seed never collide below 2^48 positions),
 * everything else from a {@link SplittableRandom} seeded with a hash of both. Every field draws its
 * random numbers in the same order whether or not it is written, so {@code inc}/{@code exc} and the
 * page size never change who a user is.
 */
final class UserWriter {

    /** Upper bound of one user's JSON; {@link #writeUser} reserves this much before writing raw. */
    static final int MAX_USER_BYTES = 8192;

    static final String[] FIELDS = {
        "gender", "name", "location", "email", "login", "dob", "registered", "phone", "cell", "id", "picture", "nat"
    };
    static final int ALL_FIELDS = (1 << FIELDS.length) - 1;

    /** Bit of a top-level field in a field mask, or 0 for an unknown name. */
    static int fieldBit(String name) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].equals(name)) {
                return 1 << i;
            }
        }
        return 0;
    }

    private static final byte[][] KEYS = new byte[FIELDS.length][];
    private static final byte[][] COMMA_KEYS = new byte[FIELDS.length][];

    static {
        for (int i = 0; i < FIELDS.length; i++) {
            KEYS[i] = b("\"" + FIELDS[i] + "\":");
            COMMA_KEYS[i] = b(",\"" + FIELDS[i] + "\":");
        }
    }

    private static final byte[] MALE = b("\"male\"");
    private static final byte[] FEMALE = b("\"female\"");
    private static final byte[] NAME_TITLE = b("{\"title\":");
    private static final byte[] NAME_FIRST = b(",\"first\":");
    private static final byte[] NAME_LAST = b(",\"last\":");
    private static final byte[] LOC_STREET = b("{\"street\":{\"number\":");
    private static final byte[] LOC_STREET_NAME = b(",\"name\":");
    private static final byte[] LOC_CITY = b("},\"city\":");
    private static final byte[] LOC_STATE = b(",\"state\":");
    private static final byte[] LOC_COUNTRY = b(",\"country\":");
    private static final byte[] LOC_POSTCODE = b(",\"postcode\":");
    private static final byte[] LOC_LAT = b(",\"coordinates\":{\"latitude\":\"");
    private static final byte[] LOC_LON = b("\",\"longitude\":\"");
    private static final byte[] LOC_TZ = b("\"},\"timezone\":");
    private static final byte[] EMAIL_DOMAIN = b("@example.com\"");
    private static final byte[] LOGIN_UUID = b("{\"uuid\":\"");
    private static final byte[] LOGIN_USERNAME = b("\",\"username\":\"");
    private static final byte[] LOGIN_PASSWORD = b("\",\"password\":");
    private static final byte[] LOGIN_SALT = b(",\"salt\":\"");
    private static final byte[] LOGIN_MD5 = b("\",\"md5\":\"");
    private static final byte[] LOGIN_SHA1 = b("\",\"sha1\":\"");
    private static final byte[] LOGIN_SHA256 = b("\",\"sha256\":\"");
    private static final byte[] LOGIN_END = b("\"}");
    private static final byte[] DATE = b("{\"date\":\"");
    private static final byte[] AGE = b("Z\",\"age\":");
    private static final byte[] ID_NONE = b("{\"name\":\"\",\"value\":null}");

    private static final byte[][] TIMEZONES = timezones(
        "-12:00|Eniwetok, Kwajalein", "-11:00|Midway Island, Samoa", "-10:00|Hawaii", "-9:00|Alaska",
        "-8:00|Pacific Time (US & Canada)", "-7:00|Mountain Time (US & Canada)",
        "-6:00|Central Time (US & Canada), Mexico City", "-5:00|Eastern Time (US & Canada), Bogota, Lima",
        "-4:00|Atlantic Time (Canada), Caracas, La Paz", "-3:30|Newfoundland",
        "-3:00|Brazil, Buenos Aires, Georgetown", "-2:00|Mid-Atlantic", "-1:00|Azores, Cape Verde Islands",
        "0:00|Western Europe Time, London, Lisbon, Casablanca", "+1:00|Brussels, Copenhagen, Madrid, Paris",
        "+2:00|Kaliningrad, South Africa", "+3:00|Baghdad, Riyadh, Moscow, St. Petersburg", "+3:30|Tehran",
        "+4:00|Abu Dhabi, Muscat, Baku, Tbilisi", "+4:30|Kabul", "+5:00|Ekaterinburg, Islamabad, Karachi, Tashkent",
        "+5:30|Bombay, Calcutta, Madras, New Delhi", "+5:45|Kathmandu", "+6:00|Almaty, Dhaka, Colombo",
        "+7:00|Bangkok, Hanoi, Jakarta", "+8:00|Beijing, Perth, Singapore, Hong Kong",
        "+9:00|Tokyo, Seoul, Osaka, Sapporo, Yakutsk", "+9:30|Adelaide, Darwin",
        "+10:00|Eastern Australia, Guam, Vladivostok", "+11:00|Magadan, Solomon Islands, New Caledonia",
        "+12:00|Auckland, Wellington, Fiji, Kamchatka");

    private static final byte[][] ADJECTIVES = ascii(
        "big|small|tiny|lazy|happy|sad|angry|beautiful|ticklish|organic|heavy|crazy|purple|silver|golden|red|orange|yellow|green|blue|brown|black|white");
    private static final byte[][] ANIMALS = ascii(
        "dog|cat|bird|fish|frog|lion|tiger|bear|panda|wolf|snake|swan|goose|zebra|gorilla|leopard|ladybug|peacock|meercat|butterfly|ostrich|koala|rabbit|elephant|mouse|duck|kangaroo|owl");
    private static final byte[][] PASSWORDS = quoted(
        "babe|111222|truck|tyler|kitty1|coolman|devildog|handyman|edwards|boiler|scanner|pulsar|yuan|katie|jimmy|paloma|magnolia|looker|545454|pharao|hurricane|carmex2|miller1|scuba|johnboy|striper|phoenix1|incubus|852456|scania|shirley|walton|stolen|closer|bologna|thunder1|carson|ride|qqqqqq|delta|sunshine|dragon|monkey|letmein|trustno1|sparky|butter|gators");
    private static final byte[] SALT_CHARS =
        b("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    /** {@code PICTURES[female ? 1 : 0][n]}: the whole picture object for portrait n. */
    private static final byte[][][] PICTURES = new byte[2][100][];

    static {
        for (int g = 0; g < 2; g++) {
            String dir = g == 0 ? "men" : "women";
            for (int n = 0; n < 100; n++) {
                PICTURES[g][n] = b("{\"large\":\"https://randomuser.me/api/portraits/" + dir + "/" + n + ".jpg\","
                    + "\"medium\":\"https://randomuser.me/api/portraits/med/" + dir + "/" + n + ".jpg\","
                    + "\"thumbnail\":\"https://randomuser.me/api/portraits/thumb/" + dir + "/" + n + ".jpg\"}");
            }
        }
    }

    private static final long DOB_FROM = LocalDate.of(1944, 1, 1).toEpochDay() * 86_400_000L;
    private static final long DOB_TO = LocalDate.of(2002, 1, 1).toEpochDay() * 86_400_000L;
    private static final long REG_FROM = LocalDate.of(2002, 1, 1).toEpochDay() * 86_400_000L;
    private static final long REG_TO = LocalDate.of(2023, 1, 1).toEpochDay() * 86_400_000L;

    private final int refYear;
    private final int refMonthDay;

    /** @param today the date ages are computed against (fixed for the writer's life, so bodies are stable) */
    UserWriter(LocalDate today) {
        this.refYear = today.getYear();
        this.refMonthDay = today.getMonthValue() * 100 + today.getDayOfMonth();
    }

    // ------------------------------------------------------------------------------ hashing

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /** Key of a (seed, canonical nationality filter) pair; {@code natKey} is "" without a filter. */
    static long seedKey(String seed, String natKey) {
        return mix64(mix64(fnv(seed)) ^ mix64(fnv(natKey) + 0x632be59bd9b4e019L));
    }

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private static final long MASK48 = (1L << 48) - 1;

    /** A keyed bijection on 48 bits: distinct positions give distinct results. */
    static long permute48(long position, long key) {
        long x = (position + key) & MASK48;
        x = (x * 0x5deece66dL) & MASK48;
        x ^= x >>> 24;
        x = (x * 0xa0761d6478bd7L) & MASK48; // odd multiplier
        x ^= x >>> 21;
        return (x + (key >>> 16)) & MASK48;
    }

    static long uuidMsb(long seedKey, long position) {
        long u = mix64(seedKey ^ mix64(position * GOLDEN + 0x3c6ef372fe94f82bL));
        return (u & 0xffffffffffff0fffL) | 0x4000L; // version 4
    }

    static long uuidLsb(long seedKey, long position) {
        long u = mix64(seedKey + position * 0xd1b54a32d192ed03L + 0x2545f4914f6cdd1dL);
        long clockSeq = (u & 0x3fffL) | 0x8000L; // IETF variant
        return (clockSeq << 48) | permute48(position, seedKey);
    }

    // ------------------------------------------------------------------------------ writing

    /**
     * Appends one user as JSON.
     *
     * @param forcedGender -1 for random, 0 male, 1 female
     * @param fields       mask of top-level fields to write (see {@link #fieldBit})
     */
    void writeUser(ByteSink out, long seedKey, long position, Nationality[] pool, int forcedGender, int fields) {
        out.ensure(MAX_USER_BYTES);
        SplittableRandom rng = new SplittableRandom(mix64(seedKey + position * GOLDEN));
        boolean any = false;
        int mark;
        out.rawByte('{');

        // gender, nationality
        boolean female = rng.nextBoolean();
        if (forcedGender >= 0) {
            female = forcedGender == 1;
        }
        Nationality nat = pool[rng.nextInt(pool.length)];
        int g = female ? 1 : 0;

        mark = key(out, 0, any);
        out.rawPut(female ? FEMALE : MALE);
        any = keep(out, mark, fields, 0, any);

        // name
        byte[][] titles = female ? nat.titlesFemale : nat.titlesMale;
        int title = rng.nextInt(titles.length);
        byte[][] firsts = female ? nat.firstFemale : nat.firstMale;
        int first = rng.nextInt(firsts.length);
        int last = rng.nextInt(nat.last.length);
        mark = key(out, 1, any);
        out.rawPut(NAME_TITLE);
        out.rawPut(titles[title]);
        out.rawPut(NAME_FIRST);
        out.rawPut(firsts[first]);
        out.rawPut(NAME_LAST);
        out.rawPut(nat.last[last]);
        out.rawByte('}');
        any = keep(out, mark, fields, 1, any);

        // location
        mark = key(out, 2, any);
        out.rawPut(LOC_STREET);
        out.rawInt(1 + rng.nextInt(9999));
        out.rawPut(LOC_STREET_NAME);
        out.rawPut(nat.streets[rng.nextInt(nat.streets.length)]);
        out.rawPut(LOC_CITY);
        out.rawPut(nat.cities[rng.nextInt(nat.cities.length)]);
        out.rawPut(LOC_STATE);
        out.rawPut(nat.states[rng.nextInt(nat.states.length)]);
        out.rawPut(LOC_COUNTRY);
        out.rawPut(nat.countryJson);
        out.rawPut(LOC_POSTCODE);
        if (nat.postcodePatterns == null) {
            out.rawInt(nat.postcodeMin + rng.nextInt(nat.postcodeMax - nat.postcodeMin + 1));
        } else {
            fill(out, nat.postcodePatterns, rng);
        }
        out.rawPut(LOC_LAT);
        fixed4(out, rng.nextInt(1_800_001) - 900_000);
        out.rawPut(LOC_LON);
        fixed4(out, rng.nextInt(3_600_001) - 1_800_000);
        out.rawPut(LOC_TZ);
        out.rawPut(TIMEZONES[rng.nextInt(TIMEZONES.length)]);
        out.rawByte('}');
        any = keep(out, mark, fields, 2, any);

        // email
        mark = key(out, 3, any);
        out.rawByte('"');
        out.rawPut((female ? nat.firstFemaleEmail : nat.firstMaleEmail)[first]);
        out.rawByte('.');
        out.rawPut(nat.lastEmail[last]);
        out.rawPut(EMAIL_DOMAIN);
        any = keep(out, mark, fields, 3, any);

        // login
        mark = key(out, 4, any);
        out.rawPut(LOGIN_UUID);
        long msb = uuidMsb(seedKey, position);
        long lsb = uuidLsb(seedKey, position);
        out.rawHex(msb >>> 32, 8);
        out.rawByte('-');
        out.rawHex(msb >>> 16, 4);
        out.rawByte('-');
        out.rawHex(msb, 4);
        out.rawByte('-');
        out.rawHex(lsb >>> 48, 4);
        out.rawByte('-');
        out.rawHex(lsb, 12);
        out.rawPut(LOGIN_USERNAME);
        out.rawPut(ADJECTIVES[rng.nextInt(ADJECTIVES.length)]);
        out.rawPut(ANIMALS[rng.nextInt(ANIMALS.length)]);
        out.rawInt(100 + rng.nextInt(900));
        out.rawPut(LOGIN_PASSWORD);
        out.rawPut(PASSWORDS[rng.nextInt(PASSWORDS.length)]);
        out.rawPut(LOGIN_SALT);
        for (int i = 0; i < 8; i++) {
            out.rawByte(SALT_CHARS[rng.nextInt(SALT_CHARS.length)]);
        }
        out.rawPut(LOGIN_MD5);
        out.rawHex(rng.nextLong(), 16);
        out.rawHex(rng.nextLong(), 16);
        out.rawPut(LOGIN_SHA1);
        out.rawHex(rng.nextLong(), 16);
        out.rawHex(rng.nextLong(), 16);
        out.rawHex(rng.nextLong(), 8);
        out.rawPut(LOGIN_SHA256);
        for (int i = 0; i < 4; i++) {
            out.rawHex(rng.nextLong(), 16);
        }
        out.rawPut(LOGIN_END);
        any = keep(out, mark, fields, 4, any);

        // dob, registered
        mark = key(out, 5, any);
        dated(out, rng.nextLong(DOB_FROM, DOB_TO));
        any = keep(out, mark, fields, 5, any);
        mark = key(out, 6, any);
        dated(out, rng.nextLong(REG_FROM, REG_TO));
        any = keep(out, mark, fields, 6, any);

        // phone, cell
        mark = key(out, 7, any);
        fill(out, nat.phonePatterns, rng);
        any = keep(out, mark, fields, 7, any);
        mark = key(out, 8, any);
        fill(out, nat.cellPatterns, rng);
        any = keep(out, mark, fields, 8, any);

        // id
        mark = key(out, 9, any);
        if (nat.idNameJson == null) {
            out.rawPut(ID_NONE);
        } else {
            out.rawByte('{');
            out.rawPut(nat.idNameJson);
            boolean garbage = rng.nextInt(1000) < nat.idGarbagePerMille;
            fill(out, garbage ? nat.idGarbagePatterns : nat.idPatterns, rng);
            out.rawByte('}');
        }
        any = keep(out, mark, fields, 9, any);

        // picture, nat
        mark = key(out, 10, any);
        out.rawPut(PICTURES[g][rng.nextInt(100)]);
        any = keep(out, mark, fields, 10, any);
        mark = key(out, 11, any);
        out.rawPut(nat.natJson);
        keep(out, mark, fields, 11, any);

        out.rawByte('}');
    }

    private static int key(ByteSink out, int field, boolean any) {
        int mark = out.len;
        out.rawPut(any ? COMMA_KEYS[field] : KEYS[field]);
        return mark;
    }

    /** Keeps the field just written if it is selected, otherwise rewinds to {@code mark}. */
    private static boolean keep(ByteSink out, int mark, int fields, int field, boolean any) {
        if ((fields & (1 << field)) != 0) {
            return true;
        }
        out.len = mark;
        return any;
    }

    /** Fills a quoted template chosen at random: '#' digit, '@' upper-case letter. */
    private static void fill(ByteSink out, byte[][] patterns, SplittableRandom rng) {
        byte[] p = patterns.length == 1 ? patterns[0] : patterns[rng.nextInt(patterns.length)];
        byte[] buf = out.buf;
        int n = out.len;
        for (byte c : p) {
            if (c == '#') {
                buf[n++] = (byte) ('0' + rng.nextInt(10));
            } else if (c == '@') {
                buf[n++] = (byte) ('A' + rng.nextInt(26));
            } else {
                buf[n++] = c;
            }
        }
        out.len = n;
    }

    /** Writes value / 10000 with exactly four decimals, e.g. -863514 -> -86.3514. */
    private static void fixed4(ByteSink out, int value) {
        if (value < 0) {
            out.rawByte('-');
            value = -value;
        }
        out.rawInt(value / 10000);
        out.rawByte('.');
        out.rawPadded(value % 10000, 4);
    }

    /** Writes {"date":"yyyy-MM-ddTHH:mm:ss.SSSZ","age":n} for an epoch-millis instant. */
    private void dated(ByteSink out, long epochMillis) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        int millisOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        // civil-from-days (H. Hinnant)
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));

        out.rawPut(DATE);
        out.rawPadded(year, 4);
        out.rawByte('-');
        out.rawPadded(month, 2);
        out.rawByte('-');
        out.rawPadded(day, 2);
        out.rawByte('T');
        out.rawPadded(millisOfDay / 3_600_000, 2);
        out.rawByte(':');
        out.rawPadded(millisOfDay / 60_000 % 60, 2);
        out.rawByte(':');
        out.rawPadded(millisOfDay / 1000 % 60, 2);
        out.rawByte('.');
        out.rawPadded(millisOfDay % 1000, 3);
        out.rawPut(AGE);
        int age = refYear - year - (refMonthDay < month * 100 + day ? 1 : 0);
        out.rawInt(Math.max(0, age));
        out.rawByte('}');
    }

    // ------------------------------------------------------------------------------ helpers

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] ascii(String list) {
        String[] parts = list.split("\\|");
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    private static byte[][] quoted(String list) {
        String[] parts = list.split("\\|");
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Json.quote(parts[i]);
        }
        return out;
    }

    private static byte[][] timezones(String... entries) {
        byte[][] out = new byte[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            String[] p = entries[i].split("\\|", 2);
            out[i] = b("{\"offset\":" + Json.quoteToString(p[0]) + ",\"description\":" + Json.quoteToString(p[1]) + "}");
        }
        return out;
    }
}
