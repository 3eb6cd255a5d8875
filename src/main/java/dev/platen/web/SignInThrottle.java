package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down whoever guesses passwords, without ever locking the account they guess at. Failed sign-ins are counted
 * by the client's address, on every way in that takes a password: HTTP Basic (Camunda's REST API, Actuator, the
 * rule-set API), the review pages' sign-in form and Camunda's web apps' login. The first {@code FREE_FAILURES} of
 * an address cost nothing (a mistyped password); after them the address waits before its next try, twice as long
 * after every further failure, up to {@code LONGEST_WAIT}, and is told so with 429 and {@code Retry-After}. The
 * owner, signing in from elsewhere, is never affected; an address that signs in successfully is forgiven.
 *
 * <p>Camunda's own per-account lock (ten failures lock a user for good) is switched off in the engine's
 * configuration for exactly that reason: a stranger could lock the operator out.
 */
class SignInThrottle extends OncePerRequestFilter {

    static final int FREE_FAILURES = 10;
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofMinutes(15);
    /** Addresses remembered at most: a flood of addresses forgets the oldest rather than filling the heap. */
    static final int MAX_ADDRESSES = 100_000;

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public SignInThrottle(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** An address's failed sign-ins: how many in a row, the last one, and until when it must wait. */
    record Failures(int count, Instant last, Instant waitUntil) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signsIn(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Instant now = clock.instant();
        Failures failures = current(address, now);
        if (failures != null && now.isBefore(failures.waitUntil())) {
            long seconds = Math.max(1, Duration.between(now, failures.waitUntil()).toSeconds());
            ProblemResponses.write(json, request, response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS,
                    "TOO_MANY_SIGN_IN_FAILURES", failures.count() + " failed sign-ins from this address: wait " + seconds
                    + " s before the next try. The account is not locked; signing in from another address works.")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
            return;
        }
        // The failure is counted the moment the refusal is set, before its bytes reach the client: counted after
        // the chain, a quick guesser's next try could arrive first and be let through uncounted.
        FailureWatch watched = new FailureWatch(request, response, () -> record(address, now));
        chain.doFilter(request, watched);
        if (!watched.counted && failed(request, response)) {
            watched.count();
        } else if (!watched.counted && response.getStatus() < 400) {
            byAddress.remove(address);
        }
    }

    /** Sees a refused sign-in as it is answered: a 401, or the review form's redirect to {@code /login?error}. */
    private static final class FailureWatch extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private final Runnable onFailure;
        private boolean counted;

        FailureWatch(HttpServletRequest request, HttpServletResponse response, Runnable onFailure) {
            super(response);
            this.request = request;
            this.onFailure = onFailure;
        }

        void count() {
            if (!counted) {
                counted = true;
                onFailure.run();
            }
        }

        @Override
        public void setStatus(int status) {
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                count();
            }
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                count();
            }
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                count();
            }
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (request.getRequestURI().equals("/login") && location != null && location.contains("/login?error")) {
                count();
            }
            super.sendRedirect(location);
        }
    }

    /** The failures an address has to answer for now (null when it has none worth remembering). */
    @Nullable Failures current(String address, Instant now) {
        Failures f = byAddress.get(address);
        if (f != null && f.last().plus(MEMORY).isBefore(now)) {
            byAddress.remove(address, f);
            return null;
        }
        return f;
    }

    void record(String address, Instant now) {
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.entrySet().removeIf(e -> e.getValue().last().plus(MEMORY).isBefore(now));
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.clear();
            }
        }
        byAddress.compute(address, (a, f) -> {
            int count = (f == null || f.last().plus(MEMORY).isBefore(now) ? 0 : f.count()) + 1;
            return new Failures(count, now, now.plus(waitAfter(count)));
        });
    }

    /** Nothing for the first failures, then 2 s, 4 s, 8 s ... up to five minutes. */
    static Duration waitAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** A request that carries a password: Basic credentials, or a sign-in form of the review pages or Camunda's. */
    private static boolean signsIn(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        return "POST".equals(request.getMethod()) && (request.getRequestURI().equals("/login")
                || request.getRequestURI().matches("/camunda/api/admin/auth/user/[^/]+/login/[^/]+"));
    }

    /** 401 for Basic and Camunda's login; the review pages' form sends a failed sign-in back to /login?error. */
    private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            return true;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        return request.getRequestURI().equals("/login") && location != null && location.contains("/login?error");
    }
}
