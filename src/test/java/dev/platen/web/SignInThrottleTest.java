package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused sign-in counts from the moment it is answered: the client may read the 401 and guess again before the
 * refusing request has left the filter, and that next guess must already meet the count. (Counted after the chain,
 * eleven quick guesses in a row were let through where ten are free, under load in the integration test.)
 */
class SignInThrottleTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private final SignInThrottle throttle = new SignInThrottle(new ObjectMapper(), clock);

    @Test
    void aRefusalIsCountedBeforeTheRefusingRequestHasLeftTheFilter() throws Exception {
        List<Integer> countedWhileAnswering = new ArrayList<>();
        for (int guess = 1; guess <= 3; guess++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            throttle.doFilter(guessFrom("192.0.2.7"), response, (req, res) -> {
                ((jakarta.servlet.http.HttpServletResponse) res).sendError(401);
                // the bytes could be on their way now: what would the next guess meet?
                countedWhileAnswering.add(throttle.current("192.0.2.7", clock.instant()).count());
            });
            assertThat(response.getStatus()).isEqualTo(401);
        }
        assertThat(countedWhileAnswering).containsExactly(1, 2, 3);
    }

    @Test
    void afterTheFreeFailuresTheNextGuessWaitsAndIsToldHowLong() throws Exception {
        for (int guess = 1; guess <= SignInThrottle.FREE_FAILURES + 1; guess++) {
            throttle.doFilter(guessFrom("192.0.2.8"), new MockHttpServletResponse(),
                    (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(401));
        }
        MockHttpServletResponse waited = new MockHttpServletResponse();
        throttle.doFilter(guessFrom("192.0.2.8"), waited, (req, res) -> {
            throw new AssertionError("a throttled guess must not reach the password check");
        });
        assertThat(waited.getStatus()).isEqualTo(429);
        assertThat(waited.getHeader("Retry-After")).isEqualTo("2");
        assertThat(waited.getContentAsString()).contains("TOO_MANY_SIGN_IN_FAILURES");
        // another address is not held up
        MockHttpServletResponse other = new MockHttpServletResponse();
        throttle.doFilter(guessFrom("192.0.2.9"), other, (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res).setStatus(200));
        assertThat(other.getStatus()).isEqualTo(200);
    }

    private static MockHttpServletRequest guessFrom(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic ZGVtbzpub3QtdGhlLXBhc3N3b3Jk");
        return request;
    }
}
