package domain.user;

/**
 * How much of one fetched profile the pipeline keeps: the one home of the size caps on users.
 * A RandomUser profile is about 1,100 characters of JSON and its longest stored value (an address
 * part or the picture URL) under 100, so the caps stop only what no source would send for a person:
 * they bound what one user can cost every store downstream (event store, Kafka, Cassandra).
 * docs/contracts.md repeats the numbers for readers.
 */
public final class ProfileLimits {

    /**
     * Characters of one field's value as sent (after stripping surrounding spaces). A longer optional
     * field is stored as null and recorded as a field problem; a longer {@code login.uuid} rejects the
     * profile. The address is built from up to five such parts.
     */
    public static final int MAX_FIELD_LENGTH = 1024;

    /**
     * Characters of one profile's JSON text. A longer profile is rejected with its size; the rejection
     * keeps only this many of its characters.
     */
    public static final int MAX_PROFILE_LENGTH = 16_384;

    /**
     * Field problems recorded with one user: more than the fields the mapping reads, each of which
     * reports at most one, so none is dropped in practice; the cap guards the stores should that change.
     */
    public static final int MAX_FIELD_PROBLEMS = 32;

    /** Characters of one recorded field problem ("{field}: {what}"), longer text cut with "...". */
    public static final int MAX_FIELD_PROBLEM_LENGTH = 200;

    private ProfileLimits() {}
}
