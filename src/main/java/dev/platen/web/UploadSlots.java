package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many request bodies one client may be sending at once: each API key (an order system, a partner) and each
 * signed-in operator has {@code platen.uploads.per-key} slots; a request with a body beyond them is answered at once,
 * 429 {@code TOO_MANY_UPLOADS} with {@code Retry-After}, before a byte of its body is read (its connection is then
 * closed by {@link BodyPace}, not read to the end). Load, not bad input: the same request later goes through.
 *
 * <p>Runs after Spring Security's chains, so that only a checked key or account has slots; a wrong key was refused
 * before. The slots are counted by holder, one counter for each configured key or account, so the map stays small.
 */
final class UploadSlots extends OncePerRequestFilter {

    static final String CODE = "TOO_MANY_UPLOADS";
    static final int RETRY_AFTER_SECONDS = 5;

    private final int perKey;
    private final ObjectMapper json;
    private final Map<String, AtomicInteger> sending = new ConcurrentHashMap<>();

    UploadSlots(int perKey, ObjectMapper json) {
        this.perKey = perKey;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication holder = SecurityContextHolder.getContext().getAuthentication();
        if (holder == null || !holder.isAuthenticated() || holder instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        // by role and name: a shop and a partner may well be called the same
        AtomicInteger slots = sending.computeIfAbsent(holder.getAuthorities() + " " + holder.getName(),
                k -> new AtomicInteger());
        if (slots.incrementAndGet() > perKey) {
            slots.decrementAndGet();
            ProblemResponses.write(json, request, response, new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, CODE,
                    perKey + " requests with a body are under way with this key already; send this one again when"
                            + " one of them has finished (Retry-After).")
                    .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS)));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.decrementAndGet();
        }
    }
}
