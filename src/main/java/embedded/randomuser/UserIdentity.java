package embedded.randomuser;

/**
 * Who the user at a position is: every value here is a pure function of the request's seed, its
 * nationality filter and the user's global position, so a user is the same on every page size.
 *
 * <p>{@code login.uuid} comes from a 128-bit mix of (seed key, position) whose last 48 bits are a
 * bijection of the position, so uuids of one seed never collide below 2^48 positions; everything else
 * about the user comes from a {@link java.util.SplittableRandom} seeded with {@link #randomSeed}.
 */
final class UserIdentity {

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private static final long MASK48 = (1L << 48) - 1;

    private UserIdentity() {}

    /** Key of a (seed, canonical nationality filter) pair; {@code natKey} is "" without a filter. */
    static long seedKey(String seed, String natKey) {
        return mix64(mix64(fnv(seed)) ^ mix64(fnv(natKey) + 0x632be59bd9b4e019L));
    }

    /** Seed of the random numbers the user at {@code position} is drawn from. */
    static long randomSeed(long seedKey, long position) {
        return mix64(seedKey + position * GOLDEN);
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

    /** A keyed bijection on 48 bits: distinct positions give distinct results. */
    static long permute48(long position, long key) {
        long x = (position + key) & MASK48;
        x = (x * 0x5deece66dL) & MASK48;
        x ^= x >>> 24;
        x = (x * 0xa0761d6478bd7L) & MASK48; // odd multiplier
        x ^= x >>> 21;
        return (x + (key >>> 16)) & MASK48;
    }

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
}
