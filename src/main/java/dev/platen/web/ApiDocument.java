package dev.platen.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The OpenAPI document at {@code /v3/api-docs} (committed as {@code docs/openapi.json}): what the API is for, its
 * three ways to authorize, and through {@link OperationAnswers} and {@link RecordSchemas} every answer each
 * operation really gives, nulls included. OpenAPI 3.0 ({@code springdoc.api-docs.version}), which client generators
 * and validators read best.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String SHOP_KEY = "shopApiKey";
    static final String PARTNER_KEY = "partnerKey";
    static final String RULES_LOGIN = "rulesOperator";

    static final String ORDERS = "Orders";
    static final String ARTWORK = "Artwork";
    static final String FILES = "Print files and proofs";
    static final String CATALOG = "Catalog";
    static final String PARTNER = "Partner delivery";
    static final String RULE_SETS = "Rule sets";

    @Bean
    OpenAPI platenOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Platen")
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("""
                                Platen routes print-on-demand artwork to print. **Shops** (their order systems) upload \
                                artwork, place orders whose line items put that art on products, and get at once, per \
                                placement, the layout tier it prints at, its effective DPI and why; they then follow the \
                                order while the engine proofs it, makes the print-ready files and has it approved, and \
                                download the files and proof images. **Fulfilment partners** list the jobs ready for \
                                them, claim one under a lease, read its manifest, download its files (also through \
                                signed links) and acknowledge the pickup. Operators with the `RULES` role manage the \
                                rule sets.

                                Authorize with the shop key (`X-Api-Key`), the partner key (`Authorization: Bearer`) or, \
                                for rule sets, HTTP Basic. Every refusal is RFC 9457 `application/problem+json` with a \
                                stable `code`; the codes each operation can answer are listed with it.
                                """))
                .servers(List.of(new Server().url("/").description("this engine")))
                .tags(List.of(
                        new Tag().name(ARTWORK).description("Upload artwork, or have the engine fetch it from a URL."),
                        new Tag().name(ORDERS).description("Place orders, get the verdict per placement, follow them."),
                        new Tag().name(FILES).description("Download print-ready files and soft-proof images."),
                        new Tag().name(CATALOG).description("Products, placements, layout tiers and stocks."),
                        new Tag().name(PARTNER).description("For fulfilment partners: jobs, leases, manifests, files."),
                        new Tag().name(RULE_SETS).description("For operators with the RULES role: upload, replay, "
                                + "shadow, canary, promote and roll back rule sets.")))
                .components(new Components()
                        .addSecuritySchemes(SHOP_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Api-Key")
                                .description("The order system's key (the demo shop: `platen-demo-shop-key`)."))
                        .addSecuritySchemes(PARTNER_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("The fulfilment partner's key (the demo partner: `platen-demo-acme-key`)."))
                        .addSecuritySchemes(RULES_LOGIN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("An operator with the RULES role (locally `demo` / `demo`).")));
    }

    @Bean
    OpenApiCustomizer operationAnswers() {
        return new OperationAnswers();
    }

    /** A model converter while springdoc reads the records, a customizer once the whole document is known. */
    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }
}
