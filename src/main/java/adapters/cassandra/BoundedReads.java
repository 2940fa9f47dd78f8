package adapters.cassandra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Sends reads asynchronously with at most {@code limit} of them in flight: one users page of 1,000
 * would otherwise fire 1,000 point reads at once, and a few such requests swamp the cluster and the
 * driver's connections. The caller's thread waits for a slot; results keep the order of the keys.
 */
final class BoundedReads {

    private final int limit;

    BoundedReads(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** @throws InterruptedException when interrupted waiting for a slot; reads already sent still finish */
    <K, R> List<CompletableFuture<R>> readAll(List<K> keys, Function<K, CompletionStage<R>> read)
            throws InterruptedException {
        Semaphore slots = new Semaphore(limit);
        List<CompletableFuture<R>> results = new ArrayList<>(keys.size());
        for (K key : keys) {
            slots.acquire();
            CompletableFuture<R> result;
            try {
                result = read.apply(key).toCompletableFuture();
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
            result.whenComplete((value, failure) -> slots.release());
            results.add(result);
        }
        return results;
    }
}
