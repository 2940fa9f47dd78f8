package adapters.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import application.port.in.PublishFetchedUsersUseCase;
import domain.event.UserFetched;
import domain.run.RequestLimits;
import domain.run.RunId;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The transactional outbox: a tracking event processor reads stored {@link UserFetched} events in
 * batches and hands each batch to the publish use case just before the batch's transaction
 * commits. The processor's token is written in that same transaction, so it advances only when
 * Kafka acknowledged the whole batch; a crash or a Kafka failure leaves the token where it was and
 * the batch is published again (duplicates are fine downstream, losses are not). A user Kafka refuses
 * for good is parked by the use case in that same transaction, so it never holds the token back.
 */
public final class UsersCreatedOutbox implements AutoCloseable {

    static final String PROCESSOR = "users-created-outbox";
    private static final String BATCH = UsersCreatedOutbox.class.getName() + ".batch";
    private static final int MIN_ENTRIES_PER_BATCH = 4;

    private final TrackingEventProcessor processor;

    private UsersCreatedOutbox(TrackingEventProcessor processor) {
        this.processor = processor;
    }

    /**
     * Starts publishing from the first event not yet published (from the very first on a new store),
     * about {@code batchUsers} users a transaction: the processor counts stored entries, which hold a
     * page each (docs/adr/0013), so a batch takes enough entries for that many users of full pages,
     * and at least a few, so that small pages (one-user runs) still travel together.
     */
    public static UsersCreatedOutbox start(AxonEventStore store, PublishFetchedUsersUseCase publish, int batchUsers) {
        int batchSize = Math.max(
                MIN_ENTRIES_PER_BATCH, (batchUsers + RequestLimits.MAX_PAGE_SIZE - 1) / RequestLimits.MAX_PAGE_SIZE);
        EventMessageHandler handler = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                Object payload = event.getPayload();
                if (payload instanceof StoredUserPage page) {
                    batchOfCurrentUnitOfWork(store, publish).addAll(page.events());
                } else if (payload instanceof UserFetched user) {
                    // one user an entry: a store written before pages were stored whole (docs/adr/0013)
                    batchOfCurrentUnitOfWork(store, publish).add(user);
                }
                return null;
            }
        };
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handler)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(store.eventStore())
                .tokenStore(store.tokenStore())
                .transactionManager(store.transactions())
                .errorHandler(PropagatingErrorHandler.instance())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        processor.start();
        return new UsersCreatedOutbox(processor);
    }

    private static List<UserFetched> batchOfCurrentUnitOfWork(
            AxonEventStore store, PublishFetchedUsersUseCase publish) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(BATCH, key -> {
            List<UserFetched> users = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> {
                // parked users are recorded in this transaction too: they are stored exactly when the token moves
                PublishFetchedUsersUseCase.Outcome outcome = publish.publishFetched(users);
                Map<RunId, Integer> perRun = new HashMap<>();
                outcome.published().forEach(user -> perRun.merge(user.runId(), 1, Integer::sum));
                store.database().withConnection(connection -> {
                    RunIndex.addPublished(connection, perRun);
                    return null;
                });
                if (!outcome.parked().isEmpty()) {
                    batch.afterCommit(committed -> publish.committed(outcome));
                }
            });
            return users;
        });
    }

    public boolean isRunning() {
        return processor.isRunning() && !processor.isError();
    }

    @Override
    public void close() {
        processor.shutDown();
    }
}
