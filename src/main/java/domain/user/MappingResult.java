package domain.user;

import java.util.Objects;

/**
 * The outcome of mapping one raw profile. A rejection is a value, not an exception: one bad profile
 * must never take its page down with it, and the reason travels on to the dead-letter topic and the
 * run's rejected count.
 */
public sealed interface MappingResult permits MappingResult.Accepted, MappingResult.Rejected {

    record Accepted(User user) implements MappingResult {
        public Accepted {
            Objects.requireNonNull(user, "user");
        }
    }

    /** Keeps the raw profile so the original bytes can be dead-lettered next to the reason. */
    record Rejected(RawProfile raw, String reason) implements MappingResult {
        public Rejected {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The profile's JSON to store with the rejection: whole, or its first
         * {@link ProfileLimits#MAX_PROFILE_LENGTH} characters when it is longer (the reason says so),
         * so that one huge profile cannot bloat the event store.
         */
        public String keptJson() {
            String json = raw.json();
            if (json.length() <= ProfileLimits.MAX_PROFILE_LENGTH) {
                return json;
            }
            int end = ProfileLimits.MAX_PROFILE_LENGTH;
            return json.substring(0, Character.isHighSurrogate(json.charAt(end - 1)) ? end - 1 : end);
        }
    }
}
