package application.port.in;

import java.time.Instant;

/** A persisted user as a client sees it ({@code GET /api/users/{id}}); every field but the id may be null. */
public record UserView(
        String id,
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
        String runId,
        String nationality,
        Instant fetchedAt,
        Instant persistedAt) {}
