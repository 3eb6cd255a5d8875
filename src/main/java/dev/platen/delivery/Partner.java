package dev.platen.delivery;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.util.List;

/**
 * A fulfilment partner, from configuration ({@code platen.partners}).
 *
 * @param keySha256s    SHA-256 (hex) of each API key the partner may use; two during a rotation
 * @param webhookUrl    where its webhooks are posted, or null for a partner that only polls
 * @param webhookSecret the shared secret its webhooks are signed with (HMAC-SHA256)
 */
record Partner(String id, String name, List<String> keySha256s, @Nullable URI webhookUrl,
               @Nullable String webhookSecret) {

    Partner {
        keySha256s = keySha256s == null ? List.of() : List.copyOf(keySha256s);
    }

    boolean hasWebhook() {
        return webhookUrl != null && !webhookUrl.toString().isBlank();
    }
}
