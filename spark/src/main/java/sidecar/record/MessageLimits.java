package sidecar.record;

/**
 * The byte limits the sidecar works with, as docs/contracts.md ("Sizes") states them; the monolith
 * holds the same numbers in its own build ({@code KafkaSettings}), and a test of each build reads them
 * from that table, so the two cannot drift apart.
 */
public final class MessageLimits {

    /**
     * {@code max.message.bytes} of the topics (created by the monolith): the largest record batch a
     * broker accepts, after compression. The sidecar's producers ask no more ({@code max.request.size}).
     */
    public static final int TOPIC_MAX_MESSAGE_BYTES = 1024 * 1024;

    /**
     * The largest {@code users_created} value the contract allows (UTF-8 JSON, uncompressed). A larger
     * record is never parsed: it is dead-lettered as too large. Compression lets a producer put far
     * more than {@link #TOPIC_MAX_MESSAGE_BYTES} in one record, so this is what bounds a record here.
     */
    public static final int MAX_USER_VALUE_BYTES = 64 * 1024;

    /** How much of a rejected record's value a dead letter keeps; its length and SHA-256 say the rest. */
    public static final int MAX_ORIGINAL_BYTES = 16 * 1024;

    /** How much of a rejected record's key a dead letter keeps (the key is as untrusted as the value). */
    public static final int MAX_KEY_BYTES = 1024;

    /** The longest reason a dead letter carries, in characters. */
    public static final int MAX_REASON_CHARS = 1_000;

    /**
     * An upper bound of a dead letter's size in bytes: the kept value JSON-escaped at worst six-fold
     * ({@code \u0001}), a reason as large, and the fixed fields. Far below {@link #TOPIC_MAX_MESSAGE_BYTES}.
     */
    public static final int MAX_DEAD_LETTER_BYTES = 6 * MAX_ORIGINAL_BYTES + 6 * MAX_REASON_CHARS + 1_000;

    private MessageLimits() {}
}
