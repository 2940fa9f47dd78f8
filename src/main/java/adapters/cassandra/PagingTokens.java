package adapters.cassandra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import domain.run.RunId;

/**
 * A users page's position as a token for clients: a format byte and the id of the last user of the
 * page (the next page starts after it), followed by an HMAC-SHA256 over the run id and those bytes,
 * URL-safe Base64 without padding so it fits a query string as is. Signed so a crafted position
 * never reaches Cassandra: a token this process (or one sharing its secret) did not issue for this
 * run is refused before any query. Tokens of the earlier format (the driver's paging state) fail
 * the signature, as they are signed under another label: such a client starts again. Thread-safe.
 */
final class PagingTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    /** Bumped with the payload's layout, so a token of another layout is never misread. */
    private static final byte FORMAT = 2;

    private static final int PAYLOAD_BYTES = 1 + 16;
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

    /** @param after the last user of the page, {@code null} when it was the last page (then no token) */
    String encode(RunId runId, UUID after) {
        if (after == null) {
            return null;
        }
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .put(FORMAT)
                .putLong(after.getMostSignificantBits())
                .putLong(after.getLeastSignificantBits())
                .array();
        return ENCODER.encodeToString(ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES)
                .put(payload)
                .put(mac(runId, payload))
                .array());
    }

    /**
     * @return the user id the next page starts after
     * @throws InvalidPagingTokenException when the token is not one this key signed for this run
     */
    UUID decode(RunId runId, String token) {
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
        if (payload.length != PAYLOAD_BYTES || payload[0] != FORMAT) {
            // signed by us yet of another layout: a later release's token reaching this one
            throw new InvalidPagingTokenException(runId, token, "not a token of this format", null);
        }
        ByteBuffer position = ByteBuffer.wrap(payload, 1, 16);
        return new UUID(position.getLong(), position.getLong());
    }

    private byte[] mac(RunId runId, byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // the run id is signed too: a token of one run's listing is refused for another run
            mac.update(("users_by_run:after:" + runId.value() + ":").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
