package application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import application.port.in.InvalidCommandException;
import application.port.in.UserList;
import application.port.out.ListRunUsersPort;
import application.port.out.LoadPersistedUserPort;
import application.port.out.PersistedUser;
import application.port.out.UserPageOfRun;
import domain.run.RunId;
import domain.user.User;
import domain.user.UserId;
import org.junit.jupiter.api.Test;

class ViewUsersTest {

    private static final RunId RUN = RunId.of("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final UserId ID = UserId.of("0d3f5c2a-9b8e-4c7d-a6f5-e4d3c2b1a098");
    private static final Instant AT = Instant.parse("2026-11-25T10:00:04.902Z");
    private static final PersistedUser USER = new PersistedUser(
            new User(ID, "Åse", null, "female", null, null, null, null, null, null, null, null, "NO"), RUN, AT, AT);

    private final LoadPersistedUserPort load =
            id -> Optional.ofNullable(Map.of(ID, USER).get(id));
    private final ListRunUsersPort list = (runId, pageSize, state) -> {
        if (state != null && !state.equals("next")) {
            throw new IllegalArgumentException("not a token of run " + runId);
        }
        return new UserPageOfRun(List.of(USER), state == null ? "next" : null);
    };
    private final ViewUsers users = new ViewUsers(load, list);

    @Test
    void given_a_stored_user_when_found_then_every_field_is_in_the_view() {
        var view = users.findUser(ID.toString()).orElseThrow();

        assertThat(view.id()).isEqualTo(ID.toString());
        assertThat(view.firstName()).isEqualTo("Åse");
        assertThat(view.lastName()).isNull();
        assertThat(view.runId()).isEqualTo(RUN.toString());
        assertThat(view.persistedAt()).isEqualTo(AT);
    }

    @Test
    void given_an_unknown_or_malformed_id_when_found_then_empty() {
        assertThat(users.findUser("00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(users.findUser("not-a-uuid")).isEmpty();
    }

    @Test
    void given_a_run_when_listed_then_the_store_token_is_the_page_token() {
        UserList first = users.listRunUsers(RUN.toString(), 10, null);
        UserList second = users.listRunUsers(RUN.toString(), 10, first.nextPageToken());

        assertThat(first.users()).hasSize(1);
        assertThat(first.nextPageToken()).isEqualTo("next");
        assertThat(second.nextPageToken()).isNull();
    }

    @Test
    void given_bad_input_when_listed_then_invalid_command_names_the_parameter() {
        assertThatThrownBy(() -> users.listRunUsers(RUN.toString(), 10, "forged"))
                .isInstanceOf(InvalidCommandException.class)
                .extracting("field")
                .isEqualTo("pageToken");
        assertThatThrownBy(() -> users.listRunUsers(RUN.toString(), 0, null))
                .isInstanceOf(InvalidCommandException.class)
                .extracting("field")
                .isEqualTo("pageSize");
        assertThatThrownBy(() -> users.listRunUsers("nope", 10, null))
                .isInstanceOf(InvalidCommandException.class)
                .extracting("field")
                .isEqualTo("runId");
    }
}
