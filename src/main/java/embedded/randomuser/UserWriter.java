package embedded.randomuser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes RandomUser 1.4 users as compact JSON, deterministically.
 *
 * <p>The user at global position {@code p} of a given (seed, nationality filter) is a pure function of
 * {@code (seedKey(seed, natFilter), p)} ({@link UserIdentity}). Every field draws its random numbers in
 * the same order whether or not it is written, so {@code inc}/{@code exc} and the page size never change
 * who a user is.
 */
final class UserWriter {

    /** Upper bound of one user's JSON; {@link #writeUser} reserves this much before writing raw. */
    static final int MAX_USER_BYTES = 8192;

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

    /**
     * Appends one user as JSON.
     *
     * @param forcedGender -1 for random, 0 male, 1 female
     * @param fields       mask of top-level fields to write (see {@link UserFields#bit})
     */
    void writeUser(ByteSink out, long seedKey, long position, Nationality[] pool, int forcedGender, int fields) {
        out.ensure(MAX_USER_BYTES);
        SplittableRandom rng = new SplittableRandom(UserIdentity.randomSeed(seedKey, position));
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

        mark = key(out, UserFields.GENDER, any);
        out.rawPut(female ? FEMALE : MALE);
        any = keep(out, mark, fields, UserFields.GENDER, any);

        // name
        byte[][] titles = female ? nat.titlesFemale : nat.titlesMale;
        int title = rng.nextInt(titles.length);
        byte[][] firsts = female ? nat.firstFemale : nat.firstMale;
        int first = rng.nextInt(firsts.length);
        int last = rng.nextInt(nat.last.length);
        mark = key(out, UserFields.NAME, any);
        out.rawPut(NAME_TITLE);
        out.rawPut(titles[title]);
        out.rawPut(NAME_FIRST);
        out.rawPut(firsts[first]);
        out.rawPut(NAME_LAST);
        out.rawPut(nat.last[last]);
        out.rawByte('}');
        any = keep(out, mark, fields, UserFields.NAME, any);

        // location
        mark = key(out, UserFields.LOCATION, any);
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
        out.rawPut(UserVocabulary.TIMEZONES[rng.nextInt(UserVocabulary.TIMEZONES.length)]);
        out.rawByte('}');
        any = keep(out, mark, fields, UserFields.LOCATION, any);

        // email
        mark = key(out, UserFields.EMAIL, any);
        out.rawByte('"');
        out.rawPut((female ? nat.firstFemaleEmail : nat.firstMaleEmail)[first]);
        out.rawByte('.');
        out.rawPut(nat.lastEmail[last]);
        out.rawPut(EMAIL_DOMAIN);
        any = keep(out, mark, fields, UserFields.EMAIL, any);

        // login
        mark = key(out, UserFields.LOGIN, any);
        out.rawPut(LOGIN_UUID);
        long msb = UserIdentity.uuidMsb(seedKey, position);
        long lsb = UserIdentity.uuidLsb(seedKey, position);
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
        out.rawPut(UserVocabulary.ADJECTIVES[rng.nextInt(UserVocabulary.ADJECTIVES.length)]);
        out.rawPut(UserVocabulary.ANIMALS[rng.nextInt(UserVocabulary.ANIMALS.length)]);
        out.rawInt(100 + rng.nextInt(900));
        out.rawPut(LOGIN_PASSWORD);
        out.rawPut(UserVocabulary.PASSWORDS[rng.nextInt(UserVocabulary.PASSWORDS.length)]);
        out.rawPut(LOGIN_SALT);
        for (int i = 0; i < 8; i++) {
            out.rawByte(UserVocabulary.SALT_CHARS[rng.nextInt(UserVocabulary.SALT_CHARS.length)]);
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
        any = keep(out, mark, fields, UserFields.LOGIN, any);

        // dob, registered
        mark = key(out, UserFields.DOB, any);
        dated(out, rng.nextLong(DOB_FROM, DOB_TO));
        any = keep(out, mark, fields, UserFields.DOB, any);
        mark = key(out, UserFields.REGISTERED, any);
        dated(out, rng.nextLong(REG_FROM, REG_TO));
        any = keep(out, mark, fields, UserFields.REGISTERED, any);

        // phone, cell
        mark = key(out, UserFields.PHONE, any);
        fill(out, nat.phonePatterns, rng);
        any = keep(out, mark, fields, UserFields.PHONE, any);
        mark = key(out, UserFields.CELL, any);
        fill(out, nat.cellPatterns, rng);
        any = keep(out, mark, fields, UserFields.CELL, any);

        // id
        mark = key(out, UserFields.ID, any);
        if (nat.idNameJson == null) {
            out.rawPut(ID_NONE);
        } else {
            out.rawByte('{');
            out.rawPut(nat.idNameJson);
            boolean garbage = rng.nextInt(1000) < nat.idGarbagePerMille;
            fill(out, garbage ? nat.idGarbagePatterns : nat.idPatterns, rng);
            out.rawByte('}');
        }
        any = keep(out, mark, fields, UserFields.ID, any);

        // picture, nat
        mark = key(out, UserFields.PICTURE, any);
        out.rawPut(UserVocabulary.PICTURES[g][rng.nextInt(100)]);
        any = keep(out, mark, fields, UserFields.PICTURE, any);
        mark = key(out, UserFields.NAT, any);
        out.rawPut(nat.natJson);
        keep(out, mark, fields, UserFields.NAT, any);

        out.rawByte('}');
    }

    private static int key(ByteSink out, int field, boolean any) {
        int mark = out.len;
        out.rawPut(any ? UserFields.COMMA_KEYS[field] : UserFields.KEYS[field]);
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
}
