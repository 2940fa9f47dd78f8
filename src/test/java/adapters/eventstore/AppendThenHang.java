package adapters.eventstore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import domain.event.PageStored;
import domain.event.UserEvent;
import domain.event.UserFetched;
import domain.event.UsersPersisted;
import domain.run.RunId;
import domain.user.UserId;

/**
 * A child JVM for {@link EventStoreCrashTest}: in the embedded event store under {@code args[0]},
 * requests run {@code args[1]}, stores one page of it and records its users persisted, as the app
 * does; then says so on stdout and hangs until it is killed.
 */
public final class AppendThenHang {

    static final String APPENDED = "appended";

    private AppendThenHang() {}

    public static void main(String[] args) throws InterruptedException {
        RunId run = new RunId(UUID.fromString(args[1]));
        AxonEventStore store = AxonEventStore.open(EventStoreSettings.h2File(Path.of(args[0])));
        store.appendRunEvents().append(run, 0, List.of(AxonEventStoreTest.requested(run)), List.of());
        List<UserEvent> page = List.of(
                new UserFetched(run, 1, AxonEventStoreTest.user("Ada", "Lovelace"), Instant.now()),
                new UserFetched(run, 1, AxonEventStoreTest.user("Alan", "Turing"), Instant.now()));
        store.appendRunEvents().append(run, 1, List.of(new PageStored(run, 1, page.size(), 0)), page);
        List<UserId> ids =
                page.stream().map(user -> ((UserFetched) user).user().id()).toList();
        store.recordPersistedIds()
                .recordPersisted(
                        run,
                        2,
                        0,
                        ids,
                        newIds -> List.of(new UsersPersisted(run, "batch-1", newIds.persisted(), Instant.now())));
        System.out.println(APPENDED);
        System.out.flush();
        // never closed: the kill must find the store open, as it finds the app's
        Thread.sleep(Long.MAX_VALUE);
    }
}
