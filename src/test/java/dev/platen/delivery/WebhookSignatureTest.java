package dev.platen.delivery;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class WebhookSignatureTest {

    private static final String SECRET = "platen-test-webhook-secret";
    private static final String BODY = "{\"id\":\"e1\",\"type\":\"placement.ready\",\"note\":\"Grüße\"}";
    private static final long TIMESTAMP = 1_764_300_000L;
    private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    @Test
    void theSignatureIsWhatOpensslComputesOverTimestampDotBody() throws Exception {
        // the README's check for receivers: printf '%s' "$TS.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
        String openssl = run(TIMESTAMP + "." + BODY, "openssl", "dgst", "-sha256", "-hmac", SECRET);
        String hex = openssl.substring(openssl.lastIndexOf(' ') + 1).strip();
        assertThat(hex).matches("[0-9a-f]{64}");
        assertThat(signature.sign(TIMESTAMP, BODY)).isEqualTo("sha256=" + hex);
    }

    @Test
    void aReceiverAcceptsTheSignedRequestAndNothingAltered() {
        String signed = signature.sign(TIMESTAMP, BODY);
        assertThat(signature.verify(Long.toString(TIMESTAMP), BODY, signed, THEN.plusSeconds(30))).isTrue();
        assertThat(signature.verify(Long.toString(TIMESTAMP), BODY.replace("ready", "rejected"), signed, THEN)).isFalse();
        assertThat(signature.verify(Long.toString(TIMESTAMP + 1), BODY, signed, THEN)).isFalse();
        assertThat(new WebhookSignature("another-secret-entirely").verify(Long.toString(TIMESTAMP), BODY, signed, THEN))
                .isFalse();
        assertThat(signature.verify(Long.toString(TIMESTAMP), BODY, signed.replace("sha256=", "sha1="), THEN)).isFalse();
        assertThat(signature.verify(null, BODY, signed, THEN)).isFalse();
        assertThat(signature.verify("12ab", BODY, signed, THEN)).isFalse();
    }

    @Test
    void anOldSignedRequestIsRefusedAsAReplay() {
        String signed = signature.sign(TIMESTAMP, BODY);
        assertThat(signature.verify(Long.toString(TIMESTAMP), BODY, signed, THEN.plus(WebhookSignature.TOLERANCE)))
                .isTrue();
        assertThat(signature.verify(Long.toString(TIMESTAMP), BODY, signed,
                THEN.plus(WebhookSignature.TOLERANCE).plusSeconds(1))).isFalse();
        assertThat(signature.verify(Long.toString(TIMESTAMP), BODY, signed,
                THEN.minus(WebhookSignature.TOLERANCE).minusSeconds(1))).isFalse();
    }

    private static String run(String stdin, String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("openssl is not installed: apt-get install openssl");
        }
        process.getOutputStream().write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
