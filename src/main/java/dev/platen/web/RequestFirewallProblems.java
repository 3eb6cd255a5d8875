package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A request Spring Security's firewall refuses (a path with {@code //}, {@code /./}, {@code ;}, an encoded slash or
 * a control character, which could reach a resource by another name than its own) is a malformed request: 400 with
 * a problem, not the 500 the firewall's exception becomes by default.
 */
@Component
class RequestFirewallProblems implements RequestRejectedHandler {

    private final ObjectMapper json;

    RequestFirewallProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request's path is not in its plain form (no //, /./, /../, ; or encoded / allowed): "
                        + "send it as the API documents it.");
    }
}
