package dev.platen.review;

import dev.platen.storage.ContentDigest;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operators' password check, with the pairs it has lately found to match remembered for a while. HTTP Basic
 * (the engine room, the rule-set API) sends the password with every request, and each check is a BCrypt hash of
 * the stored cost (about 0.1 s of a core at cost 10 here): a script looking at a rule set once a second took a
 * tenth of a core, and 11 % of the integration tests' CPU samples were BCrypt (JFR, 2026-12-05). A check is a pure
 * function of the password and the stored hash, so its answer can be kept: a pair that matched is answered again
 * without hashing for {@link #REMEMBERED}. Only matches are kept, so a guess is always hashed (and counted by the
 * sign-in throttle), and a new stored hash is a new pair, checked afresh. What is kept is the SHA-256
 * ({@link ContentDigest}) of a secret made at start and held only in memory, then the pair: not the password. The
 * price: someone who can read the engine's memory could test guesses of a recently used password at SHA-256 speed
 * rather than BCrypt's (such a reader can as well take the passwords from the requests in flight, which carry them).
 */
final class VerifiedPasswords implements PasswordEncoder {

    /** How long a matching pair is answered without hashing: an operator's working session, give or take. */
    static final Duration REMEMBERED = Duration.ofMinutes(10);

    /** Pairs kept at most; past that, the ones whose time is up go, and if none has, all do. */
    static final int MOST = 10_000;

    private final PasswordEncoder hashes;
    private final Clock clock;
    private final byte[] secret = new byte[32];
    /** A matching pair's digest to the moment it stops being answered from here. */
    private final Map<String, Instant> matched = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder hashes, Clock clock) {
        this.hashes = hashes;
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashes.encode(rawPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return hashes.matches(rawPassword, encodedPassword);
        }
        String pair = pair(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = matched.get(pair);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        if (!hashes.matches(rawPassword, encodedPassword)) {
            return false;
        }
        if (matched.size() >= MOST) {
            matched.values().removeIf(end -> !now.isBefore(end));
            if (matched.size() >= MOST) {
                matched.clear();
            }
        }
        matched.put(pair, now.plus(REMEMBERED));
        return true;
    }

    private String pair(CharSequence rawPassword, String encodedPassword) {
        byte[] stored = encodedPassword.getBytes(StandardCharsets.UTF_8);
        byte[] presented = rawPassword.toString().getBytes(StandardCharsets.UTF_8);
        // a stored hash never holds a NUL: the pair cannot be read two ways
        return ContentDigest.sha256Hex(ByteBuffer.allocate(secret.length + stored.length + 1 + presented.length)
                .put(secret).put(stored).put((byte) 0).put(presented).array());
    }
}
