package adapters.cassandra;

import java.util.Base64;

import com.datastax.oss.driver.api.core.cql.PagingState;

/**
 * The driver's paging state as a token for clients: URL-safe Base64 without padding, so it fits a
 * query string as is. The driver's "safe" state carries a hash of the query and its values, so a
 * token of another run's listing (or a forged one) is refused instead of paging the wrong partition.
 */
final class PagingTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PagingTokens() {}

    static String encode(PagingState state) {
        return state == null ? null : ENCODER.encodeToString(state.toBytes());
    }

    /** @throws IllegalArgumentException when the token is not a paging state at all */
    static PagingState decode(String token) {
        try {
            return PagingState.fromBytes(DECODER.decode(token.strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a paging state: '" + abbreviate(token) + "'", e);
        }
    }

    private static String abbreviate(String token) {
        return token.length() <= 40 ? token : token.substring(0, 40) + "...";
    }
}
