package dev.platen.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The signature of a webhook: {@code sha256=} and the hex HMAC-SHA256, keyed with the partner's webhook secret,
 * of {@code <timestamp>.<body>}, the timestamp being the {@value #TIMESTAMP_HEADER} header (Unix seconds).
 * Signing the timestamp with the body lets a receiver refuse a replay of an old, validly signed request: it
 * checks the signature, then that the timestamp is recent, then that it has not seen the event id before.
 */
record WebhookSignature(String secret) {

    static final String ID_HEADER = "Platen-Event-Id";
    static final String TYPE_HEADER = "Platen-Event-Type";
    static final String TIMESTAMP_HEADER = "Platen-Timestamp";
    static final String SIGNATURE_HEADER = "Platen-Signature";
    static final String SCHEME = "sha256=";

    /** How far a receiver should let the timestamp be from its own clock; also what the README recommends. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    WebhookSignature {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
    }

    String sign(long timestamp, String body) {
        return SCHEME + HexFormat.of().formatHex(Hmac.sha256(secret, timestamp + "." + body));
    }

    /**
     * What a receiver does: a well-formed signature over this timestamp and body, compared in constant time,
     * with the timestamp within {@link #TOLERANCE} of {@code now}.
     */
    boolean verify(String timestampHeader, String body, String signatureHeader, Instant now) {
        if (timestampHeader == null || signatureHeader == null || !timestampHeader.matches("[0-9]{1,12}")) {
            return false;
        }
        long timestamp = Long.parseLong(timestampHeader);
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
