package dev.platen.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The keys order systems use for the order and artwork API, from configuration. Only the SHA-256 of each key is
 * stored: API keys are long random strings, so a fast hash is enough (unlike passwords), and it keeps a request's
 * check cheap. Checked when the engine starts: a malformed hash would otherwise surface on every request, and a
 * hash listed twice would leave one of its holders silently unnamed.
 */
@Validated
@ConfigurationProperties("platen.api")
record ShopApiKeys(@Valid List<Key> keys) {

    public ShopApiKeys {
        keys = keys == null ? List.of() : List.copyOf(keys);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            String hash = keys.get(i).sha256();
            if (hash != null && !seen.add(hash.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("platen.api.keys[" + i + "].sha256: the same key hash is listed"
                        + " twice; a key belongs to one holder");
            }
        }
    }

    /** @param name who holds the key (a shop, a storefront plug-in), for logs and the audit trail */
    public record Key(@NotBlank String name,
                      @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "a SHA-256 is 64 hex digits")
                      String sha256) {
    }
}
