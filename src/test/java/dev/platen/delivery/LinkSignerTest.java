package dev.platen.delivery;

import dev.platen.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSignerTest {

    private static final String KEY = "a-test-link-signing-key-of-enough-length";
    private static final String JOB = "2f1c7f0e-5b7a-4a57-9a55-0c6f3f8d9e01";
    private static final String SHA = "ab".repeat(32);
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static LinkSigner signerAt(Instant now) {
        return new LinkSigner(KEY, Duration.ofHours(24), Duration.ofDays(7), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aFreshLinkIsValidForItsLifetimeThenExpired() {
        LinkSigner.SignedLink link = signerAt(NOW).sign(JOB, SHA, "acme", null);
        assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(link.url()).startsWith(LinkSigner.PATH + "/" + JOB + "/" + SHA + "?");
        Map<String, String> q = query(link.url());
        assertThat(verify(signerAt(NOW), q)).isEqualTo(LinkSigner.Verdict.VALID);
        assertThat(verify(signerAt(NOW.plus(Duration.ofHours(24)).minusSeconds(1)), q)).isEqualTo(LinkSigner.Verdict.VALID);
        assertThat(verify(signerAt(NOW.plus(Duration.ofHours(24))), q)).isEqualTo(LinkSigner.Verdict.EXPIRED);
    }

    @Test
    void changingAnyPartMakesTheLinkWorthless() {
        Map<String, String> q = query(signerAt(NOW).sign(JOB, SHA, "acme", null).url());
        LinkSigner signer = signerAt(NOW);
        assertThat(signer.verify(JOB, SHA, "globex", q.get("expires"), q.get("signature"))).isEqualTo(LinkSigner.Verdict.ALTERED);
        assertThat(signer.verify(JOB, "cd".repeat(32), "acme", q.get("expires"), q.get("signature"))).isEqualTo(LinkSigner.Verdict.ALTERED);
        assertThat(signer.verify(JOB.replace('2', '3'), SHA, "acme", q.get("expires"), q.get("signature"))).isEqualTo(LinkSigner.Verdict.ALTERED);
        long later = Long.parseLong(q.get("expires")) + 3600;
        assertThat(signer.verify(JOB, SHA, "acme", Long.toString(later), q.get("signature"))).isEqualTo(LinkSigner.Verdict.ALTERED);
        String sig = q.get("signature");
        String flipped = (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);
        assertThat(signer.verify(JOB, SHA, "acme", q.get("expires"), flipped)).isEqualTo(LinkSigner.Verdict.ALTERED);
        assertThat(signer.verify(JOB, SHA, "acme", null, sig)).isEqualTo(LinkSigner.Verdict.ALTERED);
        assertThat(signer.verify(JOB, SHA, "acme", "-5", sig)).isEqualTo(LinkSigner.Verdict.ALTERED);
        LinkSigner otherKey = new LinkSigner("another-key-that-is-also-long-enough", Duration.ofHours(24),
                Duration.ofDays(7), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(verify(otherKey, q)).isEqualTo(LinkSigner.Verdict.ALTERED);
    }

    @Test
    void aLinkLivesAtMostSevenDays() {
        LinkSigner signer = signerAt(NOW);
        assertThat(signer.sign(JOB, SHA, "acme", Duration.ofDays(7)).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> signer.sign(JOB, SHA, "acme", Duration.ofDays(7).plusSeconds(1)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("LINK_LIFETIME_INVALID");
                });
        assertThatThrownBy(() -> signer.sign(JOB, SHA, "acme", Duration.ZERO)).isInstanceOf(ApiProblem.class);
    }

    private static LinkSigner.Verdict verify(LinkSigner signer, Map<String, String> q) {
        return signer.verify(q.get("job"), q.get("sha"), q.get("partner"), q.get("expires"), q.get("signature"));
    }

    /** The link's path parts and query, as the controller receives them. */
    private static Map<String, String> query(String url) {
        URI uri = URI.create("http://localhost" + url);
        Map<String, String> q = new LinkedHashMap<>();
        String[] path = uri.getPath().split("/");
        q.put("job", path[path.length - 2]);
        q.put("sha", path[path.length - 1]);
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return q;
    }
}
