package dev.platen.review;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-05T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final CountedBcrypt bcrypt = new CountedBcrypt();
    private final StepClock clock = new StepClock();
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
        clock.now = clock.now.plus(VerifiedPasswords.REMEMBERED).minusSeconds(1);
        assertThat(passwords.matches("demo", stored)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        clock.now = clock.now.plus(Duration.ofSeconds(1));
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
