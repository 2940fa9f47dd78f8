package embedded.randomuser;

import java.nio.charset.StandardCharsets;

/**
 * The top-level fields of a user, in the order {@link UserWriter} writes them, and the bit masks of
 * them that {@code inc}/{@code exc} select.
 */
final class UserFields {

    static final int GENDER = 0;
    static final int NAME = 1;
    static final int LOCATION = 2;
    static final int EMAIL = 3;
    static final int LOGIN = 4;
    static final int DOB = 5;
    static final int REGISTERED = 6;
    static final int PHONE = 7;
    static final int CELL = 8;
    static final int ID = 9;
    static final int PICTURE = 10;
    static final int NAT = 11;

    /** Names by index (the constants above). */
    static final String[] NAMES = {
        "gender", "name", "location", "email", "login", "dob", "registered", "phone", "cell", "id", "picture", "nat"
    };
    /** The mask of every field. */
    static final int ALL = (1 << NAMES.length) - 1;

    /** {@code "name":} of each field, for the first field of a user. */
    static final byte[][] KEYS = new byte[NAMES.length][];
    /** {@code ,"name":} of each field, for the fields after the first. */
    static final byte[][] COMMA_KEYS = new byte[NAMES.length][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            KEYS[i] = ("\"" + NAMES[i] + "\":").getBytes(StandardCharsets.UTF_8);
            COMMA_KEYS[i] = (",\"" + NAMES[i] + "\":").getBytes(StandardCharsets.UTF_8);
        }
    }

    private UserFields() {}

    /** Bit of a top-level field in a field mask, or 0 for an unknown name. */
    static int bit(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return 1 << i;
            }
        }
        return 0;
    }
}
