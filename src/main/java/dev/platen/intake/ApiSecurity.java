package dev.platen.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.delivery.LinkSigner;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import dev.platen.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The order and artwork API and the print files answer only to order systems with a key ({@code X-Api-Key});
 * partners fetch print files through their own API or signed links. Proof images show the customer's art: an
 * operator's session, the key or a signed link. The catalog, health and the API description stay open.
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

    /**
     * Soft-proof images show the customer's art: an operator signed in to the review pages sees them (the session of
     * {@code review}'s login, read here but never created), an order system with its key, and anyone holding a signed
     * link (minted by {@code GET .../link} with the key, for a storefront that shows its customer the proof).
     */
    @Bean
    @Order(2)
    SecurityFilterChain proofImages(HttpSecurity http, ShopApiKeys keys, ObjectMapper json, LinkSigner links)
            throws Exception {
        http.securityMatcher(PrintFileController.PROOF_PATH + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .addFilterBefore(new ProofImageAccess(new KeyCheck(keys, json), links, json),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    /** An operator's session, a valid signed link (images only, not a new link), or else the order system's key. */
    static final class ProofImageAccess extends OncePerRequestFilter {

        static final String LINK_ROLE = "ROLE_PROOF_LINK";

        private final KeyCheck keys;
        private final LinkSigner links;
        private final ObjectMapper json;

        ProofImageAccess(KeyCheck keys, LinkSigner links, ObjectMapper json) {
            this.keys = keys;
            this.links = links;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.isAuthenticated() && signedIn.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR") || a.getAuthority().equals("ROLE_ADMIN"))) {
                chain.doFilter(request, response);
                return;
            }
            String signature = request.getParameter("signature");
            if (signature != null && request.getHeader(HEADER) == null) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String sha256 = path.substring(PrintFileController.PROOF_PATH.length() + 1);
                switch (sha256.contains("/") ? LinkSigner.Verdict.ALTERED
                        : links.verifyProofImage(sha256, request.getParameter("expires"), signature)) {
                    case VALID -> {
                        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                                .authenticated("signed link", null, AuthorityUtils.createAuthorityList(LINK_ROLE)));
                        chain.doFilter(request, response);
                    }
                    case EXPIRED -> ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, "LINK_EXPIRED",
                            "This link to a proof image has expired; ask for a new one.");
                    case ALTERED -> ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, "LINK_INVALID",
                            "This link to a proof image was not signed by this engine, or was changed.");
                }
                return;
            }
            keys.doFilter(request, response, chain);
        }
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
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            ProblemResponses.write(json, request, response, HttpStatus.UNAUTHORIZED, code, detail);
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
