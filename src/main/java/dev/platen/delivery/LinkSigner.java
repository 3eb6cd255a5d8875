package dev.platen.delivery;

import dev.platen.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signed download links: a partner hands one to a RIP or a print server that does not hold its API key. The
 * link names the job, the file's SHA-256, the partner and the expiry (Unix seconds), and carries the
 * base64url HMAC-SHA256 of those four under the engine's link key. Changing any of them, or using the link
 * after its expiry, makes it worthless.
 */
@Component
public class LinkSigner {

    static final String PATH = "/api/v1/partner-links";

    private final String key;
    private final Duration defaultLifetime;
    private final Duration maxLifetime;
    private final Clock clock;

    @Autowired
    LinkSigner(DeliverySettings settings, Clock clock) {
        this(settings.linkSigningKey(), settings.linkLifetime(), settings.linkMaxLifetime(), clock);
    }

    LinkSigner(String key, Duration defaultLifetime, Duration maxLifetime, Clock clock) {
        this.key = key;
        this.defaultLifetime = defaultLifetime;
        this.maxLifetime = maxLifetime;
        this.clock = clock;
    }

    public record SignedLink(String url, Instant expiresAt) {
    }

    public enum Verdict { VALID, ALTERED, EXPIRED }

    /** @param lifetime null for the default; longer than the configured maximum is refused */
    SignedLink sign(String jobId, String sha256, String partner, @Nullable Duration lifetime) {
        Duration valid = lifetime == null ? defaultLifetime : lifetime;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(maxLifetime) > 0) {
            throw ApiProblem.unprocessable("LINK_LIFETIME_INVALID", "A signed link may be valid for more than 0 s and at most "
                    + maxLifetime + ", not " + valid + ".");
        }
        long expires = clock.instant().plus(valid).getEpochSecond();
        String url = PATH + "/" + jobId + "/" + sha256 + "?partner=" + partner + "&expires=" + expires
                + "&signature=" + signature(jobId, sha256, partner, expires);
        return new SignedLink(url, Instant.ofEpochSecond(expires));
    }

    /**
     * The signature is checked before the expiry, so an altered link is reported as altered even when its expiry
     * was moved into the past; an expiry further away than any link may live was not minted here either.
     */
    Verdict verify(String jobId, String sha256, @Nullable String partner, @Nullable String expires,
                   @Nullable String signature) {
        if (jobId == null || sha256 == null || partner == null || expires == null || signature == null
                || !expires.matches("[0-9]{1,12}")) {
            return Verdict.ALTERED;
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = signature(jobId, sha256, partner, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.ALTERED;
        }
        long now = clock.instant().getEpochSecond();
        if (expiry - now > maxLifetime.toSeconds()) {
            return Verdict.ALTERED;
        }
        return now >= expiry ? Verdict.EXPIRED : Verdict.VALID;
    }

    /**
     * A link to a soft-proof image for a page or a person without the shop's key (a storefront showing its customer
     * the proof): {@code path} with the expiry and the signature of the image's SHA-256 and that expiry.
     *
     * @param lifetime null for the default; longer than the configured maximum is refused
     */
    public SignedLink signProofImage(String path, String sha256, @Nullable Duration lifetime) {
        Duration valid = lifetime == null ? defaultLifetime : lifetime;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("A signed link may be valid for more than 0 s and at most "
                    + maxLifetime + ", not " + valid + ".");
        }
        long expires = clock.instant().plus(valid).getEpochSecond();
        return new SignedLink(path + "?expires=" + expires + "&signature=" + proofSignature(sha256, expires),
                Instant.ofEpochSecond(expires));
    }

    /** As {@link #verify}, for a proof image's link. */
    public Verdict verifyProofImage(String sha256, @Nullable String expires, @Nullable String signature) {
        if (sha256 == null || expires == null || signature == null || !expires.matches("[0-9]{1,12}")) {
            return Verdict.ALTERED;
        }
        long expiry = Long.parseLong(expires);
        byte[] expected = proofSignature(sha256, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.ALTERED;
        }
        long now = clock.instant().getEpochSecond();
        if (expiry - now > maxLifetime.toSeconds()) {
            return Verdict.ALTERED;
        }
        return now >= expiry ? Verdict.EXPIRED : Verdict.VALID;
    }

    private String proofSignature(String sha256, long expires) {
        // its own first line: a proof image's signature can never pass for a partner link's, nor the other way
        String message = "platen-proof-image-v1\n" + sha256 + "\n" + expires;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(key, message));
    }

    private String signature(String jobId, String sha256, String partner, long expires) {
        // Newlines cannot occur in any of the parts (ids, hex, a partner id, digits), so the message is unambiguous.
        String message = "platen-link-v1\n" + jobId + "\n" + sha256 + "\n" + partner + "\n" + expires;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hmac.sha256(key, message));
    }
}
