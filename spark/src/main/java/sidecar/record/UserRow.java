package sidecar.record;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of Cassandra {@code spark_streams.created_users}, in Java types. Only {@code id} is required;
 * every other column may be null ({@code runId}, {@code nationality} and {@code fetchedAt} are null for
 * messages in the seed pipeline's shape). Instants are truncated to milliseconds, as Cassandra keeps them.
 * {@code fieldProblems} is null or a non-empty list of the message's {@code field_problems} lines.
 */
public record UserRow(
        UUID id,
        String firstName,
        String lastName,
        String gender,
        String address,
        String postCode,
        String email,
        String username,
        Instant dob,
        Instant registeredDate,
        String phone,
        String picture,
        UUID runId,
        String nationality,
        Instant fetchedAt,
        List<String> fieldProblems)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public UserRow {
        Objects.requireNonNull(id, "id");
        // Cassandra stores an empty list as null: keep one representation of "none" (List.copyOf is serializable)
        fieldProblems = fieldProblems == null || fieldProblems.isEmpty() ? null : List.copyOf(fieldProblems);
    }

    /** A row without field problems: the seed pipeline's messages and clean users. */
    public UserRow(
            UUID id,
            String firstName,
            String lastName,
            String gender,
            String address,
            String postCode,
            String email,
            String username,
            Instant dob,
            Instant registeredDate,
            String phone,
            String picture,
            UUID runId,
            String nationality,
            Instant fetchedAt) {
        this(
                id,
                firstName,
                lastName,
                gender,
                address,
                postCode,
                email,
                username,
                dob,
                registeredDate,
                phone,
                picture,
                runId,
                nationality,
                fetchedAt,
                null);
    }
}
