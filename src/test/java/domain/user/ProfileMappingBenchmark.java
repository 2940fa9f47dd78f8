package domain.user;

import java.util.List;

/**
 * Rough throughput of {@link ProfileMapping} on one thread, printed rather than asserted: a timing
 * assertion would make the build flaky on a busy machine. Maps the 111-user 1.4 fixture (21
 * nationalities, every quirk) 10,000 times after a warm-up so the JIT has compiled the hot path.
 * Run from the IDE, or after {@code ./mvnw test-compile} with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<jackson jars> domain.user.ProfileMappingBenchmark}.
 */
public final class ProfileMappingBenchmark {

    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int MEASURED_ROUNDS = 10_000;

    private ProfileMappingBenchmark() {}

    public static void main(String[] args) {
        List<RawProfile> users = RandomUserFixtures.load(RandomUserFixtures.V1_4_MIXED_111);
        run(users, WARM_UP_ROUNDS);

        long start = System.nanoTime();
        long accepted = run(users, MEASURED_ROUNDS);
        long elapsed = System.nanoTime() - start;

        long mapped = (long) users.size() * MEASURED_ROUNDS;
        System.out.printf(
                "ProfileMapping: %,d users in %,d ms = %,.0f users/s (%.2f us/user, %,d accepted)%n",
                mapped, elapsed / 1_000_000, mapped * 1e9 / elapsed, elapsed / 1e3 / mapped, accepted);
    }

    /** Counts the accepted users so the JIT cannot drop the mapping as dead code. */
    private static long run(List<RawProfile> users, int rounds) {
        long accepted = 0;
        for (int round = 0; round < rounds; round++) {
            for (RawProfile user : users) {
                if (ProfileMapping.map(user) instanceof MappingResult.Accepted) {
                    accepted++;
                }
            }
        }
        return accepted;
    }
}
