package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** One key filter for every key-taking API: how a key is read, checked, and refused. */
class ApiKeySchemeTest {

    private static final ApiKeyScheme BARE = new ApiKeyScheme("X-Api-Key", null, "ApiKey header=\"X-Api-Key\"",
            "KEY_REQUIRED", "Send a key.", "KEY_INVALID", "Not a key.");
    private static final ApiKeyScheme BEARER = new ApiKeyScheme("Authorization", "Bearer", "Bearer realm=\"test\"",
            "BEARER_REQUIRED", "Send a bearer key.", "BEARER_INVALID", "Not a bearer key.");

    // as the engine's: Spring's builder teaches Jackson the problem's extra properties (the code)
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aBareKeyIsReadTrimmedAndABlankOneIsNoKey() {
        assertThat(key(BARE, "X-Api-Key", "  k-1 ")).isEqualTo("k-1");
        assertThat(key(BARE, "X-Api-Key", "   ")).isNull();
        assertThat(key(BARE, "Authorization", "k-1")).isNull();
    }

    @Test
    void aBearerKeyNeedsTheSchemeInAnyCase() {
        assertThat(key(BEARER, "Authorization", "Bearer k-1")).isEqualTo("k-1");
        assertThat(key(BEARER, "Authorization", "bEARER k-1")).isEqualTo("k-1");
        assertThat(key(BEARER, "Authorization", "Basic k-1")).isNull();
        assertThat(key(BEARER, "Authorization", "Bearer ")).isNull();
        assertThat(key(BEARER, "Authorization", "Bearer    ")).isNull();
        assertThat(key(BEARER, "Authorization", "Bearerk-1")).isNull();
        assertThat(key(BEARER, "X-Api-Key", "k-1")).isNull();
    }

    @Test
    void aGoodKeySignsItsHolderInWithTheRoleAndTheRequestGoesOn() throws Exception {
        AtomicReference<Authentication> seen = new AtomicReference<>();
        MockHttpServletResponse response = run(BARE, "X-Api-Key", "shop-key",
                (request, answer) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(seen.get().getName()).isEqualTo("shop");
        assertThat(seen.get().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SHOP");
    }

    @Test
    void aWrongKeyIsRefusedAsAProblemWithTheChallenge() throws Exception {
        for (String wrong : List.of("guess", sha256("shop-key"), "SHOP-KEY")) {
            MockHttpServletResponse response = run(BARE, "X-Api-Key", wrong, (request, answer) -> {
                throw new AssertionError("a wrong key must not reach the API");
            });
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Api-Key\"");
            assertThat(json.readTree(response.getContentAsString()).path("code").asText()).isEqualTo("KEY_INVALID");
        }
    }

    @Test
    void noKeyGoesOnUnauthenticatedAndTheEntryPointAsksForOne() throws Exception {
        AtomicReference<Authentication> seen = new AtomicReference<>();
        MockHttpServletResponse passed = run(BEARER, "X-Api-Key", "shop-key",
                (request, answer) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        assertThat(passed.getStatus()).isEqualTo(200);
        assertThat(seen.get()).isNull();

        MockHttpServletResponse asked = new MockHttpServletResponse();
        BEARER.whenMissing(json).commence(new MockHttpServletRequest("GET", "/x"), asked, null);
        assertThat(asked.getStatus()).isEqualTo(401);
        assertThat(asked.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"test\"");
        assertThat(json.readTree(asked.getContentAsString()).path("code").asText()).isEqualTo("BEARER_REQUIRED");
    }

    @Test
    void aRefusalOfAnotherKindKeepsItsStatusAndCode() throws Exception {
        AuthenticationFilter filter = BARE.filter(new ProviderManager(new ApiKeyCheck(BARE, List.of(), "SHOP")),
                request -> { throw new RefusedCredentials(HttpStatus.FORBIDDEN, "LINK_EXPIRED", "Too late.", null); },
                json);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/x"), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
        assertThat(json.readTree(response.getContentAsString()).path("code").asText()).isEqualTo("LINK_EXPIRED");
    }

    private static String key(ApiKeyScheme scheme, String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(header, value);
        Authentication presented = scheme.converter().convert(request);
        return presented == null ? null : (String) presented.getCredentials();
    }

    private MockHttpServletResponse run(ApiKeyScheme scheme, String header, String value,
                                        MockFilterChainBody body) throws Exception {
        ApiKeyCheck keys = new ApiKeyCheck(scheme, List.of(new ApiKeyCheck.KeyHolder("shop", sha256("shop-key").toUpperCase()),
                new ApiKeyCheck.KeyHolder("plug-in", sha256("plug-in-key"))), "SHOP");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader(header, value);
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.clearContext();
        try {
            scheme.filter(new ProviderManager(keys), scheme.converter(), json).doFilter(request, response,
                    new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                        @Override
                        protected void service(jakarta.servlet.http.HttpServletRequest q,
                                               jakarta.servlet.http.HttpServletResponse a) {
                            body.handle(q, a);
                        }
                    }));
        } finally {
            SecurityContextHolder.clearContext();
        }
        return response;
    }

    @FunctionalInterface
    private interface MockFilterChainBody {
        void handle(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response);
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
