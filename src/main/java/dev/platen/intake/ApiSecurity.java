package dev.platen.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.delivery.LinkSigner;
import dev.platen.web.ApiKeyCheck;
import dev.platen.web.ApiKeyScheme;
import dev.platen.web.RefusedCredentials;
import dev.platen.web.SecurityChains;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.DelegatingAuthenticationConverter;

/**
 * The order and artwork API and the print files answer only to order systems with a key ({@code X-Api-Key});
 * partners fetch print files through their own API or signed links. Proof images show the customer's art: an
 * operator's session, the key or a signed link. The catalog, health and the API description stay open.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String HEADER = "X-Api-Key";
    static final String ORDER_SYSTEM = "ORDER_SYSTEM";
    static final String LINK_ROLE = "PROOF_LINK";

    static final ApiKeyScheme SHOP_KEY = new ApiKeyScheme(HEADER, null, "ApiKey header=\"" + HEADER + "\"",
            "API_KEY_REQUIRED", "Send the order system's key in the " + HEADER + " header.",
            "API_KEY_INVALID", "The " + HEADER + " is not a key of this engine.");

    @Bean
    @Order(SecurityChains.SHOP_API)
    SecurityFilterChain orderApi(HttpSecurity http, ShopApiKeys keys, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/v1/orders/**", "/api/v1/orders", "/api/v1/artworks/**", "/api/v1/artworks",
                PrintFileController.PATH + "/**");
        SHOP_KEY.protect(http, SHOP_KEY.filter(new ProviderManager(shopKeys(keys)), SHOP_KEY.converter(), json), json)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    /**
     * Soft-proof images show the customer's art: an operator signed in to the review pages sees them (the session of
     * {@code review}'s login, read here but never created), an order system with its key, and anyone holding a signed
     * link (minted by {@code GET .../link} with the key, for a storefront that shows its customer the proof). A signed
     * link is taken only without a key; a signed-in operator needs neither.
     */
    @Bean
    @Order(SecurityChains.SHOP_API)
    SecurityFilterChain proofImages(HttpSecurity http, ShopApiKeys keys, ObjectMapper json, LinkSigner links)
            throws Exception {
        AuthenticationFilter keyOrLink = SHOP_KEY.filter(new ProviderManager(new SignedLinkCheck(links), shopKeys(keys)),
                new DelegatingAuthenticationConverter(ApiSecurity::signedLink, SHOP_KEY.converter()), json);
        keyOrLink.setRequestMatcher(request -> !isOperator(SecurityContextHolder.getContext().getAuthentication()));
        http.securityMatcher(PrintFileController.PROOF_PATH + "/**");
        SHOP_KEY.protect(http, keyOrLink, json)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole("OPERATOR", "ADMIN", ORDER_SYSTEM, LINK_ROLE));
        return http.build();
    }

    static ApiKeyCheck shopKeys(ShopApiKeys keys) {
        return new ApiKeyCheck(SHOP_KEY, keys.keys().stream()
                .map(k -> new ApiKeyCheck.KeyHolder(k.name(), k.sha256())).toList(), ORDER_SYSTEM);
    }

    private static boolean isOperator(Authentication signedIn) {
        return signedIn != null && signedIn.isAuthenticated() && signedIn.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR") || a.getAuthority().equals("ROLE_ADMIN"));
    }

    /** A request with a link's signature and no key: the path's image, and the link's expiry and signature. */
    private static @Nullable SignedProofLink signedLink(HttpServletRequest request) {
        String signature = request.getParameter("signature");
        if (signature == null || request.getHeader(HEADER) != null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new SignedProofLink(path.substring(PrintFileController.PROOF_PATH.length() + 1),
                request.getParameter("expires"), signature);
    }

    /** Credentials of a signed link, not yet checked ({@link AuthenticationConverter}'s result for a link). */
    static final class SignedProofLink extends AbstractAuthenticationToken {

        final String sha256;
        final String expires;
        final String signature;

        SignedProofLink(String sha256, String expires, String signature) {
            super(AuthorityUtils.NO_AUTHORITIES);
            this.sha256 = sha256;
            this.expires = expires;
            this.signature = signature;
        }

        @Override
        public Object getCredentials() {
            return signature;
        }

        @Override
        public Object getPrincipal() {
            return "signed link";
        }
    }

    /** A valid signed link opens its image (and only that: not {@code .../link}, which has a further segment). */
    record SignedLinkCheck(LinkSigner links) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            SignedProofLink link = (SignedProofLink) authentication;
            return switch (link.sha256.contains("/") ? LinkSigner.Verdict.ALTERED
                    : links.verifyProofImage(link.sha256, link.expires, link.signature)) {
                case VALID -> UsernamePasswordAuthenticationToken.authenticated("signed link", null,
                        AuthorityUtils.createAuthorityList("ROLE_" + LINK_ROLE));
                case EXPIRED -> throw new RefusedCredentials(HttpStatus.FORBIDDEN, "LINK_EXPIRED",
                        "This link to a proof image has expired; ask for a new one.", null);
                case ALTERED -> throw new RefusedCredentials(HttpStatus.FORBIDDEN, "LINK_INVALID",
                        "This link to a proof image was not signed by this engine, or was changed.", null);
            };
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return SignedProofLink.class.isAssignableFrom(authentication);
        }
    }
}
