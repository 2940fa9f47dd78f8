package sidecar.record;

import java.io.Serializable;
import java.util.Objects;

/** The outcome of {@link UserRecordParser#parse(byte[])}: a row to upsert or a reason to dead-letter. */
public sealed interface Parsed extends Serializable permits Parsed.Valid, Parsed.Invalid {

    /** The record is acceptable; {@code row} is ready for Cassandra. */
    record Valid(UserRow row, Shape shape) implements Parsed {
        private static final long serialVersionUID = 1L;

        public Valid {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** The record breaks the contract; {@code reason} is one line naming the field and value. */
    record Invalid(String reason) implements Parsed {
        private static final long serialVersionUID = 1L;

        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
