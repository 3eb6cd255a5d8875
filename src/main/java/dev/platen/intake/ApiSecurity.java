package dev.platen.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The order and artwork API and the print files answer only to order systems with a key ({@code X-Api-Key});
 * partners fetch print files through their own API or signed links. The catalog, the proof images (screen-size
 * pictures for the review pages, where their SHA-256 is the capability), health and the API description stay open.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String HEADER = "X-Api-Key";

    @Bean
    @Order(2)
    SecurityFilterChain orderApi(HttpSecurity http, ShopApiKeys keys, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/v1/orders/**", "/api/v1/orders", "/api/v1/artworks/**", "/api/v1/artworks",
                        PrintFileController.PATH + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new KeyCheck(keys, json), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    /** Checks the key in constant time against the configured hashes; a request without a good key gets a 401. */
    static final class KeyCheck extends OncePerRequestFilter {

        private final Map<String, String> holderByHash;
        private final ObjectMapper json;

        KeyCheck(ShopApiKeys keys, ObjectMapper json) {
            this.holderByHash = keys.keys().stream().collect(Collectors.toMap(k -> k.sha256().toLowerCase(java.util.Locale.ROOT),
                    ShopApiKeys.Key::name, (a, b) -> a));
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            if (key == null || key.isBlank()) {
                refuse(request, response, "API_KEY_REQUIRED", "Send the order system's key in the " + HEADER + " header.");
                return;
            }
            byte[] hash = sha256(key.trim());
            String holder = null;
            for (Map.Entry<String, String> entry : holderByHash.entrySet()) {
                if (MessageDigest.isEqual(hash, HexFormat.of().parseHex(entry.getKey()))) {
                    holder = entry.getValue();
                }
            }
            if (holder == null) {
                refuse(request, response, "API_KEY_INVALID", "The " + HEADER + " is not a key of this engine.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    holder, null, AuthorityUtils.createAuthorityList("ROLE_ORDER_SYSTEM")));
            chain.doFilter(request, response);
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String code, String detail)
                throws IOException {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
            problem.setType(URI.create("urn:platen:problem:" + code));
            problem.setInstance(URI.create(request.getRequestURI()));
            problem.setProperty("code", code);
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
