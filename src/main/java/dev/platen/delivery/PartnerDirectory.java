package dev.platen.delivery;

import dev.platen.web.ApiKeyCheck;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The configured fulfilment partners. Checked at start: a partner without a usable id, key hash or webhook
 * secret stops start-up with a message naming the entry.
 */
@Component
public class PartnerDirectory {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,99}";

    private final List<Partner> partners;

    PartnerDirectory(PartnerConfiguration configuration) {
        this.partners = configuration.partners();
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < partners.size(); i++) {
            Partner p = partners.get(i);
            String at = "platen.partners[" + i + "]";
            if (p.id() == null || !p.id().matches(ID)) {
                throw new IllegalStateException(at + ".id: letters, digits, '-', '_' and '.' only, not '" + p.id() + "'");
            }
            if (!ids.add(p.id())) {
                throw new IllegalStateException(at + ".id: '" + p.id() + "' is configured twice");
            }
            if (p.keySha256s().isEmpty()) {
                throw new IllegalStateException(at + ".key-sha256s: at least one key hash");
            }
            for (String hash : p.keySha256s()) {
                if (hash == null || !hash.matches("[0-9a-fA-F]{64}")) {
                    throw new IllegalStateException(at + ".key-sha256s: a SHA-256 is 64 hex digits, not '" + hash + "'");
                }
                if (!keys.add(hash.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException(at + ".key-sha256s: a key may belong to one partner only");
                }
            }
            URI webhook = p.webhookUrl();
            if (webhook != null && p.hasWebhook()) {
                String scheme = webhook.getScheme();
                if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || webhook.getHost() == null) {
                    throw new IllegalStateException(at + ".webhook-url: an http(s) URL, not '" + webhook + "'");
                }
                if (p.webhookSecret() == null || p.webhookSecret().length() < 16) {
                    throw new IllegalStateException(at + ".webhook-secret: at least 16 characters when a webhook URL is set");
                }
            }
        }
    }

    /** Whether orders may name this partner. */
    public boolean isKnown(String partnerId) {
        return find(partnerId).isPresent();
    }

    Optional<Partner> find(String partnerId) {
        return partners.stream().filter(p -> p.id().equals(partnerId)).findFirst();
    }

    /** Each partner's key hashes, named by the partner id, for {@link PartnerApiSecurity}'s key check. */
    List<ApiKeyCheck.KeyHolder> keyHolders() {
        return partners.stream().flatMap(p -> p.keySha256s().stream().map(h -> new ApiKeyCheck.KeyHolder(p.id(), h)))
                .toList();
    }
}
