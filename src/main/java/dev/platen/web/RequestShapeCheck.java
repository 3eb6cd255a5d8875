package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a request whose path is not in its plain form ({@code //}, {@code /./}, {@code /../}, {@code ;}, an
 * encoded slash or a control character: a way to reach a resource by another name than its own) with 400 and a
 * problem, first of all filters. Spring Security's own firewall makes the same checks, but by then Spring's path
 * parsing, which runs ahead of it, has failed on such a path with a 500.
 */
class RequestShapeCheck extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final ObjectMapper json;

    public RequestShapeCheck(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            ProblemResponses.write(json, request, response, new ApiProblem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "The request's path is not in its plain form (no //, /./, /../, ; or encoded / allowed): send it as"
                            + " the API documents it."));
            return;
        }
        chain.doFilter(request, response);
    }
}
