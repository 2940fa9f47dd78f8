package adapters.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /** The last user of a page: where the next page starts. */
    private static final UUID LAST = UUID.randomUUID();

    /** What the earlier release signed: the driver's raw state plus its hash of the query. */
    private static PagingState driverState(RunId run) {
        SimpleStatement query =
                SimpleStatement.newInstance("SELECT id FROM spark_streams.users_by_run WHERE run_id = ?", run.value());
        return new DefaultPagingState(
                ByteBuffer.wrap("raw cassandra paging state".getBytes(StandardCharsets.UTF_8)),
                query,
                AttachmentPoint.NONE);
    }

    @Test
    void given_a_token_issued_for_a_run_when_decoded_for_that_run_then_the_position_comes_back() {
        String token = tokens.encode(RUN, LAST);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.decode(RUN, token)).isEqualTo(LAST);
    }

    @Test
    void given_a_token_whose_position_is_changed_when_decoded_then_refused_so_no_page_can_be_skipped_or_repeated() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.encode(RUN, LAST));
        // the position's last byte: another user id, as a client trying to jump ahead would send
        bytes[16] ^= 1;
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> tokens.decode(RUN, moved))
                .isInstanceOfSatisfying(
                        InvalidPagingTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo("signature does not match"));
    }

    @Test
    void given_a_token_the_earlier_release_signed_with_the_same_secret_when_decoded_then_refused() throws Exception {
        // the earlier layout: the driver's state, then an HMAC under the label without "after"
        byte[] state = driverState(RUN).toBytes();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("users_by_run:" + RUN.value() + ":").getBytes(StandardCharsets.US_ASCII));
        byte[] signature = mac.doFinal(state);
        String earlier = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(ByteBuffer.allocate(state.length + signature.length)
                        .put(state)
                        .put(signature)
                        .array());

        assertThatThrownBy(() -> tokens.decode(RUN, earlier)).isInstanceOf(InvalidPagingTokenException.class);
    }

    @Test
    void given_no_further_page_when_encoding_then_there_is_no_token() {
        assertThat(tokens.encode(RUN, null)).isNull();
    }

    @Test
    void given_a_token_with_one_byte_changed_when_decoded_then_refused_as_a_client_error() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.encode(RUN, LAST));
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
        String token = tokens.encode(other, LAST);

        assertThatThrownBy(() -> tokens.decode(RUN, token))
                .isInstanceOfSatisfying(
                        InvalidPagingTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo("signature does not match"));
    }

    @Test
    void given_a_token_signed_with_another_key_when_decoded_then_refused_so_random_keys_do_not_survive_a_restart() {
        String token = PagingTokens.randomKey().encode(RUN, LAST);

        assertThatThrownBy(() -> PagingTokens.randomKey().decode(RUN, token))
                .isInstanceOf(InvalidPagingTokenException.class);
        assertThatThrownBy(() -> tokens.decode(RUN, token)).isInstanceOf(InvalidPagingTokenException.class);
    }

    @Test
    void given_the_same_secret_in_two_processes_when_one_decodes_the_others_token_then_it_is_accepted() {
        String token = PagingTokens.of(settings(SECRET)).encode(RUN, LAST);

        assertThat(PagingTokens.of(settings(SECRET)).decode(RUN, token)).isEqualTo(LAST);
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
