package dev.platen.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The keys order systems use for the order and artwork API, from configuration. Only the SHA-256 of each key is
 * stored: API keys are long random strings, so a fast hash is enough (unlike passwords), and it keeps a request's
 * check cheap.
 */
@ConfigurationProperties("platen.api")
public record ShopApiKeys(List<Key> keys) {

    public ShopApiKeys {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** @param name who holds the key (a shop, a storefront plug-in), for logs and the audit trail */
    public record Key(String name, String sha256) {
    }
}
