package adapters.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import domain.event.PageStored;
import domain.event.RunEvent;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.run.RunId;

/**
 * Prints append throughput and disk bytes per user of the embedded (H2) event store.
 * Not a test: {@code java -cp ... adapters.eventstore.EventStoreBenchmark [users] [pageSize] [dir]}.
 */
public final class EventStoreBenchmark {

    private EventStoreBenchmark() {}

    public static void main(String[] args) throws IOException {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("eventstore-bench");
        RunId run = RunId.random();
        try (AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(dir))) {
            store.appendRunEvents().append(run, 0, List.of(AxonEventStoreTest.requested(run)), List.of());
            long begin = System.nanoTime();
            int version = 1;
            for (int page = 1; page * pageSize <= users; page++) {
                List<UserEvent> events = new ArrayList<>(pageSize);
                for (int i = 0; i < pageSize; i++) {
                    events.add(new UserFetched(
                            run, page, AxonEventStoreTest.user("Name" + i, "Surname" + page), Instant.now()));
                }
                List<RunEvent> stored = List.of(new PageStored(run, page, pageSize, 0));
                store.appendRunEvents().append(run, version++, stored, events);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf(
                    "appended %,d users in pages of %,d: %.1f s, %,.0f users/s%n",
                    users, pageSize, seconds, users / seconds);
        }
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile)
                    .mapToLong(path -> path.toFile().length())
                    .sum();
        }
        System.out.printf("disk: %,d bytes in %s = %,d bytes per user%n", bytes, dir, bytes / users);
    }
}
