package adapters.randomuser;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body in memory up to a cap. Past the cap, or when the caller gives up waiting,
 * it cancels the subscription, which makes the JDK client close the connection: an endless or
 * slow-drip body stops costing memory and a socket at once, not when the server is done.
 */
final class BoundedBodySubscriber implements BodySubscriber<byte[]> {

    private final int maxBytes;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final Object lock = new Object();
    private Flow.Subscription subscription;
    private byte[] buffer = new byte[8192];
    private int size;

    BoundedBodySubscriber(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Bytes received so far, for the message of a body that did not complete. */
    int received() {
        synchronized (lock) {
            return size;
        }
    }

    /** Stops reading: the body future fails with {@code reason}, the connection is closed. */
    void abandon(Throwable reason) {
        Flow.Subscription current;
        synchronized (lock) {
            current = subscription;
        }
        body.completeExceptionally(reason);
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        synchronized (lock) {
            subscription = newSubscription;
        }
        if (body.isDone()) {
            newSubscription.cancel();
        } else {
            newSubscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        boolean kept;
        synchronized (lock) {
            kept = append(buffers);
        }
        if (kept) {
            subscription.request(1);
        } else {
            abandon(new BodyTooLargeException("the response body is", maxBytes));
        }
    }

    /** False, keeping nothing more, when the buffers would take the body past the cap. */
    private boolean append(List<ByteBuffer> buffers) {
        for (ByteBuffer chunk : buffers) {
            int length = chunk.remaining();
            if ((long) size + length > maxBytes) {
                return false;
            }
            if (size + length > buffer.length) {
                long grown = Math.max(2L * buffer.length, (long) size + length);
                buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, grown));
            }
            chunk.get(buffer, size, length);
            size += length;
        }
        return true;
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        synchronized (lock) {
            body.complete(Arrays.copyOf(buffer, size));
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
