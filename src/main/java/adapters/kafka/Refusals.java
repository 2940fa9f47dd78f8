package adapters.kafka;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Which producer failures are about one record and will come back every time it is sent: the
 * publisher parks that user instead of failing its batch forever. Everything else (a broker down,
 * a timeout, missing rights, a fenced producer) is about the cluster and may pass, so the batch is
 * retried; a misconfigured cluster must not park every user of a run.
 */
final class Refusals {

    private Refusals() {}

    static boolean isForGood(Throwable failure) {
        Throwable cause = Failures.unwrap(failure);
        // RecordTooLarge: over max.request.size at the producer, or over the topic's max.message.bytes
        // at the broker (which splits batches first, so only the record alone is refused);
        // InvalidRecord: the broker's validation of this record (e.g. a timestamp or key it cannot take)
        return cause instanceof RecordTooLargeException
                || cause instanceof InvalidRecordException
                || cause instanceof SerializationException;
    }
}
