package dev.platen.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.web.ApiKeyCheck;
import dev.platen.web.ApiKeyScheme;
import dev.platen.web.SecurityChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The partner API answers only to a partner's key ({@code Authorization: Bearer <key>}); the authenticated
 * principal's name is the partner id, and every query below is scoped to it. Signed download links live
 * outside this path: the signature is their credential.
 */
@Configuration(proxyBeanMethods = false)
class PartnerApiSecurity {

    static final String PATH = "/api/v1/partner";

    static final ApiKeyScheme PARTNER_KEY = new ApiKeyScheme("Authorization", "Bearer",
            "Bearer realm=\"platen-partner\"",
            "PARTNER_KEY_REQUIRED", "Send the partner's key as Authorization: Bearer <key>.",
            "PARTNER_KEY_INVALID", "The bearer key is not a partner key of this engine.");

    @Bean
    @Order(SecurityChains.PARTNER_API)
    SecurityFilterChain partnerApi(HttpSecurity http, PartnerDirectory partners, ObjectMapper json) throws Exception {
        http.securityMatcher(PATH + "/**");
        PARTNER_KEY.protect(http, PARTNER_KEY.filter(new ProviderManager(partnerKeys(partners)),
                        PARTNER_KEY.converter(), json), json)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    /** Every key of every partner, the holder named by the partner id (two keys for one partner during a rotation). */
    static ApiKeyCheck partnerKeys(PartnerDirectory partners) {
        return new ApiKeyCheck(PARTNER_KEY, partners.keyHolders(), "PARTNER");
    }
}
