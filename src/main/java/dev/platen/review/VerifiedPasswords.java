package dev.platen.review;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 * sign-in throttle), and a new stored hash is a new pair, checked afresh. What is kept is an HMAC of the pair
 * under a key made at start and held only in memory, not the password. The price: someone who can read the
 * engine's memory could test guesses of a recently used password at HMAC speed rather than BCrypt's (such a
 * reader can as well take the passwords from the requests in flight, which carry them).
 */
final class VerifiedPasswords implements PasswordEncoder {

    /** How long a matching pair is answered without hashing: an operator's working session, give or take. */
    static final Duration REMEMBERED = Duration.ofMinutes(10);

    /** Pairs kept at most; past that, the ones whose time is up go, and if none has, all do. */
    static final int MOST = 10_000;

    private final PasswordEncoder hashes;
    private final Clock clock;
    private final SecretKeySpec key;
    /** HMAC of a matching pair to the moment it stops being answered from here. */
    private final Map<ByteBuffer, Instant> matched = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder hashes, Clock clock) {
        this.hashes = hashes;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
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
        ByteBuffer pair = pair(rawPassword, encodedPassword);
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

    private ByteBuffer pair(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0); // a stored hash never holds a NUL: the pair cannot be read two ways
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
