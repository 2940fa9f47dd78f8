package adapters.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import domain.event.UserFetched;
import domain.run.RunId;
import domain.user.FieldProblem;
import domain.user.User;
import domain.user.UserId;

/** Test data: a fully populated fetched user, with every field replaceable and the optional ones removable. */
final class UserFetchedBuilder {

    static final RunId RUN = new RunId(UUID.fromString("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"));

    private UUID id = UUID.fromString("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098");
    private String firstName = "Ægir";
    private String lastName = "Ødegård";
    private String gender = "male";
    private String address = "4312 Kirkeveien, Kvinesdal, Østfold, Norway";
    private String postCode = "4480";
    private String email = "aegir.odegard@example.com";
    private String username = "bluebird123";
    private Instant dob = Instant.parse("1993-07-20T09:44:18.674Z");
    private Instant registeredDate = Instant.parse("2014-03-02T11:05:40.123Z");
    private String phone = "(272) 790-0888";
    private String picture = "https://randomuser.me/api/portraits/med/men/54.jpg";
    private String nationality = "NO";
    private RunId runId = RUN;
    private int page = 1;
    private Instant fetchedAt = Instant.parse("2026-11-25T10:00:01.250Z");
    private List<FieldProblem> fieldProblems = List.of();

    static UserFetchedBuilder aUser() {
        return new UserFetchedBuilder();
    }

    /** {@code count} distinct users of one run, ids derived from the index so a run is reproducible. */
    static List<UserFetched> users(int count, RunId runId) {
        List<UserFetched> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(aUser().withId(new UUID(runId.value().getMostSignificantBits(), i))
                    .withFirstName("First" + i)
                    .withRunId(runId)
                    .build());
        }
        return users;
    }

    /** Only what the domain requires: the id (and the event's run and time). */
    UserFetchedBuilder withOnlyRequiredFields() {
        firstName = null;
        lastName = null;
        gender = null;
        address = null;
        postCode = null;
        email = null;
        username = null;
        dob = null;
        registeredDate = null;
        phone = null;
        picture = null;
        nationality = null;
        return this;
    }

    UserFetchedBuilder withId(UUID value) {
        this.id = value;
        return this;
    }

    UserFetchedBuilder withFirstName(String value) {
        this.firstName = value;
        return this;
    }

    UserFetchedBuilder withDob(Instant value) {
        this.dob = value;
        return this;
    }

    UserFetchedBuilder withRegisteredDate(Instant value) {
        this.registeredDate = value;
        return this;
    }

    UserFetchedBuilder withRunId(RunId value) {
        this.runId = value;
        return this;
    }

    UserFetchedBuilder withFetchedAt(Instant value) {
        this.fetchedAt = value;
        return this;
    }

    /** A user kept although its {@code dob} could not be read: stored as null, the problem recorded. */
    UserFetchedBuilder withAnUnreadableDob() {
        this.dob = null;
        this.fieldProblems = List.of(new FieldProblem("dob.date", "is not a date: 'yesterday'; stored as null", true));
        return this;
    }

    UserFetched build() {
        User user = new User(
                new UserId(id),
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
                nationality,
                fieldProblems);
        return new UserFetched(runId, page, user, fetchedAt);
    }
}
