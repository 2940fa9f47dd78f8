package adapters.kafka;

import java.util.List;

import domain.event.UserFetched;
import domain.run.RunId;

/**
 * Serialization speed of users_created values on one thread: the mapping from the event plus the
 * JSON bytes, as the publisher does it per user. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/classpath.txt) adapters.kafka.UserMessageBenchmark [seconds]}.
 */
public final class UserMessageBenchmark {

    private UserMessageBenchmark() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        List<UserFetched> users = new RealisticUsers(42).next(4096, RunId.random());
        UserMessageCodec codec = new UserMessageCodec();
        long bytes = 0;
        for (UserFetched user : users) {
            bytes += codec.toJson(user).length;
        }
        System.out.printf("message size: %d bytes on average%n", bytes / users.size());

        run(codec, users, 2, "warm-up");
        for (int round = 1; round <= 3; round++) {
            run(codec, users, seconds, "round " + round);
        }
    }

    private static void run(UserMessageCodec codec, List<UserFetched> users, double seconds, String label) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < users.size(); i++) {
                sink += codec.toJson(users.get(i)).length;
            }
            count += users.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-8s %,10.0f msgs/s  %6.1f MB/s  (%,d messages in %.2f s)%n",
                label, count / elapsed, sink / elapsed / 1e6, count, elapsed);
    }
}
