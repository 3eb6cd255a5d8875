package dev.platen.review;

import dev.platen.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    /** BCrypt itself (at its lowest cost, for time), counting the hashes it computes. */
    private static final class CountedBcrypt extends BCryptPasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        CountedBcrypt() {
            super(4);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return super.matches(rawPassword, encodedPassword);
        }
    }

    private final CountedBcrypt bcrypt = new CountedBcrypt();
    private final MovableClock clock = new MovableClock();
    private final VerifiedPasswords passwords = new VerifiedPasswords(bcrypt, clock);
    private final String stored = bcrypt.encode("demo");

    @Test
    void aMatchingPasswordIsHashedOnceAndAnsweredFromMemoryAfterwards() {
        assertThat(passwords.matches("demo", stored)).isTrue();
        assertThat(passwords.matches("demo", stored)).isTrue();
        assertThat(passwords.matches("demo", stored)).isTrue();

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsHashedAtEveryTryAndNeverMatches() {
        passwords.matches("demo", stored);
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("demo!", stored)).isFalse();
            assertThat(passwords.matches("", stored)).isFalse();
        }

        assertThat(bcrypt.checks).hasValue(7);
    }

    @Test
    void aNewStoredHashIsCheckedAfreshAndTheOldPairDoesNotVouchForIt() {
        passwords.matches("demo", stored);
        String changed = bcrypt.encode("changed");

        assertThat(passwords.matches("demo", changed)).isFalse();
        assertThat(passwords.matches("changed", changed)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void aMatchIsRememberedForTenMinutesThenHashedAgain() {
        passwords.matches("demo", stored);
        clock.advance(VerifiedPasswords.REMEMBERED.minusSeconds(1));
        assertThat(passwords.matches("demo", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(passwords.matches("demo", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void encodingIsTheStoredSchemesOwn() {
        String encoded = passwords.encode("secret");

        assertThat(encoded).startsWith("$2a$04$");
        assertThat(bcrypt.matches("secret", encoded)).isTrue();
    }
}
