package dev.platen.delivery;

import dev.platen.web.RefusedCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerDirectoryTest {

    @Test
    void duringARotationBothKeysReachThePartnerAndNoOtherKeyDoes() throws Exception {
        PartnerDirectory directory = new PartnerDirectory(new PartnerConfiguration(List.of(
                new Partner("acme", "Acme", List.of(sha256("acme-old-key"), sha256("acme-new-key")), null, null),
                new Partner("globex", "Globex", List.of(sha256("globex-key").toUpperCase()), null, null))));
        assertThat(holder(directory, "acme-old-key")).contains("acme");
        assertThat(holder(directory, "acme-new-key")).contains("acme");
        assertThat(holder(directory, "globex-key")).contains("globex");
        assertThat(holder(directory, "ACME-OLD-KEY")).as("a key is compared byte for byte").isEmpty();
        assertThat(holder(directory, sha256("acme-old-key"))).as("the stored hash is not a key").isEmpty();
        assertThat(directory.isKnown("acme")).isTrue();
        assertThat(directory.isKnown("initech")).isFalse();
    }

    @Test
    void aBadEntryStopsStartUpNamingIt() throws Exception {
        String key = sha256("k");
        assertRefused(new Partner("acme", null, List.of("not-a-hash"), null, null), "platen.partners[0].key-sha256s");
        assertRefused(new Partner("acme", null, List.of(), null, null), "platen.partners[0].key-sha256s");
        assertRefused(new Partner("ac me", null, List.of(key), null, null), "platen.partners[0].id");
        assertRefused(new Partner("acme", null, List.of(key), URI.create("ftp://example.org/x"), "a-long-enough-secret"),
                "platen.partners[0].webhook-url");
        assertRefused(new Partner("acme", null, List.of(key), URI.create("https://example.org/x"), "short"),
                "platen.partners[0].webhook-secret");
        assertThatThrownBy(() -> new PartnerDirectory(new PartnerConfiguration(List.of(
                new Partner("acme", null, List.of(key), null, null), new Partner("acme", null, List.of(sha256("j")), null, null)))))
                .hasMessageContaining("platen.partners[1].id");
        assertThatThrownBy(() -> new PartnerDirectory(new PartnerConfiguration(List.of(
                new Partner("acme", null, List.of(key), null, null), new Partner("globex", null, List.of(key), null, null)))))
                .hasMessageContaining("one partner only");
    }

    /** The partner the key signs in, through the partner API's own key check. */
    private static Optional<String> holder(PartnerDirectory directory, String key) {
        var presented = PartnerApiSecurity.PARTNER_KEY.converter()
                .convert(request("Bearer " + key));
        try {
            return Optional.of(PartnerApiSecurity.partnerKeys(directory).authenticate(presented).getName());
        } catch (RefusedCredentials refused) {
            assertThat(refused.code()).isEqualTo("PARTNER_KEY_INVALID");
            return Optional.empty();
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/partner/jobs");
        request.addHeader("Authorization", authorization);
        return request;
    }

    private static void assertRefused(Partner partner, String field) {
        assertThatThrownBy(() -> new PartnerDirectory(new PartnerConfiguration(List.of(partner))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(field);
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
