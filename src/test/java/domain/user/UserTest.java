package domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class UserTest {

    @Test
    void given_no_id_when_a_user_is_created_then_it_fails_because_the_id_is_the_only_mandatory_field() {
        assertThatNullPointerException()
                .isThrownBy(() -> new User(null, "a", "b", null, null, null, null, null, null, null, null, null, null))
                .withMessageContaining("id");
    }

    @Test
    void given_only_an_id_when_a_user_is_created_then_every_other_field_may_be_absent() {
        User user = new User(
                UserId.of("680e3b35-d5dc-487f-a492-d0c36b6697a9"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThat(user).hasAllNullFieldsOrPropertiesExcept("id", "fieldProblems");
        assertThat(user.fieldProblems()).isEmpty();
    }
}
