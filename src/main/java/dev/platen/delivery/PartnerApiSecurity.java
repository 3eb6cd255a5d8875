package dev.platen.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * The partner API answers only to a partner's key ({@code Authorization: Bearer <key>}); the authenticated
 * principal's name is the partner id, and every query below is scoped to it. Signed download links live
 * outside this path: the signature is their credential.
 */
@Configuration(proxyBeanMethods = false)
class PartnerApiSecurity {

    static final String PATH = "/api/v1/partner";

    @Bean
    @Order(3)
    SecurityFilterChain partnerApi(HttpSecurity http, PartnerDirectory partners, ObjectMapper json) throws Exception {
        http.securityMatcher(PATH + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerKeyCheck(partners, json), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    static final class BearerKeyCheck extends OncePerRequestFilter {

        private final PartnerDirectory partners;
        private final ObjectMapper json;

        BearerKeyCheck(PartnerDirectory partners, ObjectMapper json) {
            this.partners = partners;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String authorization = request.getHeader("Authorization");
            // RFC 9110 §11.1: the scheme name is case-insensitive.
            if (authorization == null || authorization.length() < 8
                    || !authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
                refuse(request, response, "PARTNER_KEY_REQUIRED", "Send the partner's key as Authorization: Bearer <key>.");
                return;
            }
            Optional<Partner> partner = partners.byKey(authorization.substring(7).trim());
            if (partner.isEmpty()) {
                refuse(request, response, "PARTNER_KEY_INVALID", "The bearer key is not a partner key of this engine.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    partner.get().id(), null, AuthorityUtils.createAuthorityList("ROLE_PARTNER")));
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String code, String detail)
                throws IOException {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"platen-partner\"");
            DeliveryProblems.write(request, response, json, 401, code, detail);
        }
    }
}
