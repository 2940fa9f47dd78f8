package adapters.cassandra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.datastax.oss.driver.api.core.cql.PagingState;
import domain.run.RunId;

/**
 * The driver's paging state as a token for clients: the state's bytes followed by an HMAC-SHA256
 * over the run id and those bytes, URL-safe Base64 without padding so it fits a query string as is.
 * The driver's own hash in the state is a plain digest of the query anyone can recompute, so without
 * the MAC a crafted state reached Cassandra and came back as a server error; now a token this
 * process (or one sharing its secret) did not issue for this run is refused before any query.
 * Thread-safe.
 */
final class PagingTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final int RANDOM_KEY_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    private PagingTokens(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** Signs with the settings' secret, or with a random key when there is none. */
    static PagingTokens of(CassandraSettings settings) {
        return settings.pagingTokenSecret() == null
                ? randomKey()
                : new PagingTokens(settings.pagingTokenSecret().strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Tokens signed with it are valid in this process only. */
    static PagingTokens randomKey() {
        byte[] key = new byte[RANDOM_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new PagingTokens(key);
    }

    String encode(RunId runId, PagingState state) {
        if (state == null) {
            return null;
        }
        byte[] payload = state.toBytes();
        byte[] mac = mac(runId, payload);
        return ENCODER.encodeToString(ByteBuffer.allocate(payload.length + MAC_BYTES)
                .put(payload)
                .put(mac)
                .array());
    }

    /** @throws InvalidPagingTokenException when the token is not one this key signed for this run */
    PagingState decode(RunId runId, String token) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidPagingTokenException(runId, token, "not URL-safe Base64", e);
        }
        if (bytes.length <= MAC_BYTES) {
            throw new InvalidPagingTokenException(runId, token, "too short to carry a signature", null);
        }
        byte[] payload = Arrays.copyOfRange(bytes, 0, bytes.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac, mac(runId, payload))) {
            throw new InvalidPagingTokenException(runId, token, "signature does not match", null);
        }
        try {
            return PagingState.fromBytes(payload);
        } catch (RuntimeException e) {
            // signed by us yet unreadable: a driver upgrade changed the format
            throw new InvalidPagingTokenException(runId, token, "not a paging state of this driver", e);
        }
    }

    private byte[] mac(RunId runId, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // the run id is signed too: a token of one run's listing is refused for another run
            mac.update(("users_by_run:" + runId.value() + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
