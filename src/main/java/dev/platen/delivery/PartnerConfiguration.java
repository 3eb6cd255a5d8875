package dev.platen.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** The partners of {@code platen.partners}; checked by {@link PartnerDirectory} at start. */
@ConfigurationProperties("platen")
record PartnerConfiguration(List<Partner> partners) {

    PartnerConfiguration {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }
}
