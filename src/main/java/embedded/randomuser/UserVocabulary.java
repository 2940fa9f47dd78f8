package embedded.randomuser;

import java.nio.charset.StandardCharsets;

/**
 * The lists every nationality shares (time zones, user names, passwords, portraits), encoded once as
 * the bytes {@link UserWriter} copies. The arrays are never modified.
 */
final class UserVocabulary {

    private UserVocabulary() {}

    /** Whole {@code {"offset":...,"description":...}} objects. */
    static final byte[][] TIMEZONES = timezones(
            "-12:00|Eniwetok, Kwajalein",
            "-11:00|Midway Island, Samoa",
            "-10:00|Hawaii",
            "-9:00|Alaska",
            "-8:00|Pacific Time (US & Canada)",
            "-7:00|Mountain Time (US & Canada)",
            "-6:00|Central Time (US & Canada), Mexico City",
            "-5:00|Eastern Time (US & Canada), Bogota, Lima",
            "-4:00|Atlantic Time (Canada), Caracas, La Paz",
            "-3:30|Newfoundland",
            "-3:00|Brazil, Buenos Aires, Georgetown",
            "-2:00|Mid-Atlantic",
            "-1:00|Azores, Cape Verde Islands",
            "0:00|Western Europe Time, London, Lisbon, Casablanca",
            "+1:00|Brussels, Copenhagen, Madrid, Paris",
            "+2:00|Kaliningrad, South Africa",
            "+3:00|Baghdad, Riyadh, Moscow, St. Petersburg",
            "+3:30|Tehran",
            "+4:00|Abu Dhabi, Muscat, Baku, Tbilisi",
            "+4:30|Kabul",
            "+5:00|Ekaterinburg, Islamabad, Karachi, Tashkent",
            "+5:30|Bombay, Calcutta, Madras, New Delhi",
            "+5:45|Kathmandu",
            "+6:00|Almaty, Dhaka, Colombo",
            "+7:00|Bangkok, Hanoi, Jakarta",
            "+8:00|Beijing, Perth, Singapore, Hong Kong",
            "+9:00|Tokyo, Seoul, Osaka, Sapporo, Yakutsk",
            "+9:30|Adelaide, Darwin",
            "+10:00|Eastern Australia, Guam, Vladivostok",
            "+11:00|Magadan, Solomon Islands, New Caledonia",
            "+12:00|Auckland, Wellington, Fiji, Kamchatka");

    /** First part of a {@code login.username} (raw ASCII, written inside quotes). */
    static final byte[][] ADJECTIVES = ascii("big|small|tiny|lazy|happy|sad|angry|beautiful|ticklish|organic|heavy"
            + "|crazy|purple|silver|golden|red|orange|yellow|green|blue|brown|black|white");
    /** Second part of a {@code login.username} (raw ASCII, written inside quotes). */
    static final byte[][] ANIMALS = ascii(
            "dog|cat|bird|fish|frog|lion|tiger|bear|panda|wolf|snake|swan|goose|zebra"
                    + "|gorilla|leopard|ladybug|peacock|meercat|butterfly|ostrich|koala|rabbit|elephant|mouse|duck|kangaroo|owl");
    /** Quoted {@code login.password} values. */
    static final byte[][] PASSWORDS = quoted("babe|111222|truck|tyler|kitty1|coolman|devildog|handyman|edwards"
            + "|boiler|scanner|pulsar|yuan|katie|jimmy|paloma|magnolia|looker|545454|pharao|hurricane|carmex2|miller1"
            + "|scuba|johnboy|striper|phoenix1|incubus|852456|scania|shirley|walton|stolen|closer|bologna|thunder1"
            + "|carson|ride|qqqqqq|delta|sunshine|dragon|monkey|letmein|trustno1|sparky|butter|gators");

    static final byte[] SALT_CHARS = b("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    /** {@code PICTURES[female ? 1 : 0][n]}: the whole picture object for portrait n. */
    static final byte[][][] PICTURES = new byte[2][100][];

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
            out[i] = JsonStrings.quote(parts[i]);
        }
        return out;
    }

    private static byte[][] timezones(String... entries) {
        byte[][] out = new byte[entries.length][];
        for (int i = 0; i < entries.length; i++) {
            String[] p = entries[i].split("\\|", 2);
            out[i] = b("{\"offset\":" + JsonStrings.quoteToString(p[0]) + ",\"description\":"
                    + JsonStrings.quoteToString(p[1]) + "}");
        }
        return out;
    }
}
