package dev.platen.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Loaded eagerly: a bad catalog file must stop start-up, not the first order. */
    @Bean
    Catalog catalog(CatalogLocations locations) {
        return Catalog.load(locations);
    }
}
