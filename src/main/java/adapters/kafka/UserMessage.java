package adapters.kafka;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import domain.event.UserFetched;
import domain.user.FieldProblem;
import domain.user.User;

/**
 * The value of a {@code users_created} record, field for field as docs/contracts.md documents it
 * (ContractDocumentTest keeps the two equal). Flat and snake_case because the Spark sidecar and
 * cqlsh users read it as columns; timestamps are pre-formatted text so their shape is fixed here,
 * not by a serializer setting.
 */
@JsonPropertyOrder({
    "schema_version",
    "id",
    "first_name",
    "last_name",
    "gender",
    "address",
    "post_code",
    "email",
    "username",
    "dob",
    "registered_date",
    "phone",
    "picture",
    "nationality",
    "run_id",
    "fetched_at",
    "field_problems"
})
record UserMessage(
        @JsonProperty("schema_version") int schemaVersion,
        @JsonProperty("id") String id,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("gender") String gender,
        @JsonProperty("address") String address,
        @JsonProperty("post_code") String postCode,
        @JsonProperty("email") String email,
        @JsonProperty("username") String username,
        @JsonProperty("dob") String dob,
        @JsonProperty("registered_date") String registeredDate,
        @JsonProperty("phone") String phone,
        @JsonProperty("picture") String picture,
        @JsonProperty("nationality") String nationality,
        @JsonProperty("run_id") String runId,
        @JsonProperty("fetched_at") String fetchedAt,
        @JsonProperty("field_problems") List<String> fieldProblems) {

    /**
     * Raised only for an incompatible change (a field removed, renamed or retyped); adding a
     * nullable field keeps it, and readers ignore fields they do not know.
     */
    static final int SCHEMA_VERSION = 1;

    static UserMessage from(UserFetched event) {
        User user = event.user();
        return new UserMessage(
                SCHEMA_VERSION,
                user.id().toString(),
                user.firstName(),
                user.lastName(),
                user.gender(),
                user.address(),
                user.postCode(),
                user.email(),
                user.username(),
                IsoInstants.format(user.dob()),
                IsoInstants.format(user.registeredDate()),
                user.phone(),
                user.picture(),
                user.nationality(),
                event.runId().toString(),
                IsoInstants.format(event.fetchedAt()),
                fieldProblems(user));
    }

    /** One "{field}: {what}" line per problem; null, not an empty list, for a user without any. */
    private static List<String> fieldProblems(User user) {
        if (user.fieldProblems().isEmpty()) {
            return null;
        }
        return user.fieldProblems().stream().map(FieldProblem::text).toList();
    }
}
