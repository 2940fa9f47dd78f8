package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.detach.AttachmentPoint;
import com.datastax.oss.driver.internal.core.cql.DefaultPagingState;
import domain.run.RunId;
import org.junit.jupiter.api.Test;

class PagingTokensTest {

    private static final RunId RUN = RunId.random();
    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    private final PagingTokens tokens = PagingTokens.of(settings(SECRET));

    private static CassandraSettings settings(String secret) {
        return CassandraSettings.defaults("127.0.0.1:9042").withPagingTokenSecret(secret);
    }

    /** What the driver hands out after a page: the raw state plus its hash of the query. */
    private static PagingState driverState(RunId run) {
        SimpleStatement query =
                SimpleStatement.newInstance("SELECT id FROM spark_streams.users_by_run WHERE run_id = ?", run.value());
        return new DefaultPagingState(
                ByteBuffer.wrap("raw cassandra paging state".getBytes(StandardCharsets.UTF_8)),
                query,
                AttachmentPoint.NONE);
    }

    @Test
    void given_a_token_issued_for_a_run_when_decoded_for_that_run_then_the_state_comes_back() {
        PagingState state = driverState(RUN);

        String token = tokens.encode(RUN, state);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.decode(RUN, token).toBytes()).isEqualTo(state.toBytes());
    }

    @Test
    void given_no_further_page_when_encoding_then_there_is_no_token() {
        assertThat(tokens.encode(RUN, null)).isNull();
    }

    @Test
    void given_a_token_with_one_byte_changed_when_decoded_then_refused_as_a_client_error() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.encode(RUN, driverState(RUN)));
        bytes[3] ^= 1;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> tokens.decode(RUN, tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .isInstanceOfSatisfying(
                        InvalidPagingTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo("signature does not match"))
                .hasMessageContaining("run " + RUN);
    }

    @Test
    void given_a_bare_driver_state_anyone_can_craft_when_decoded_then_refused() {
        // the driver's own hash is recomputable from the query: this is what reached Cassandra before
        String crafted = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(driverState(RUN).toBytes());

        assertThatThrownBy(() -> tokens.decode(RUN, crafted)).isInstanceOf(InvalidPagingTokenException.class);
    }

    @Test
    void given_a_token_of_another_run_when_decoded_then_refused() {
        RunId other = RunId.random();
        String token = tokens.encode(other, driverState(other));

        assertThatThrownBy(() -> tokens.decode(RUN, token))
                .isInstanceOfSatisfying(
                        InvalidPagingTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo("signature does not match"));
    }

    @Test
    void given_a_token_signed_with_another_key_when_decoded_then_refused_so_random_keys_do_not_survive_a_restart() {
        String token = PagingTokens.randomKey().encode(RUN, driverState(RUN));

        assertThatThrownBy(() -> PagingTokens.randomKey().decode(RUN, token))
                .isInstanceOf(InvalidPagingTokenException.class);
        assertThatThrownBy(() -> tokens.decode(RUN, token)).isInstanceOf(InvalidPagingTokenException.class);
    }

    @Test
    void given_the_same_secret_in_two_processes_when_one_decodes_the_others_token_then_it_is_accepted() {
        String token = PagingTokens.of(settings(SECRET)).encode(RUN, driverState(RUN));

        assertThat(PagingTokens.of(settings(SECRET)).decode(RUN, token).toBytes())
                .isEqualTo(driverState(RUN).toBytes());
    }

    @Test
    void given_garbage_when_decoded_then_refused_naming_why_without_echoing_control_characters() {
        for (String garbage : List.of("garbage", "not base64 !", "", "AAAA", "x\ny")) {
            assertThatThrownBy(() -> tokens.decode(RUN, garbage))
                    .as(garbage)
                    .isInstanceOf(InvalidPagingTokenException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }
}
