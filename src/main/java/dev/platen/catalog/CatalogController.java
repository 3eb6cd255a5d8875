package dev.platen.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

/** Read-only view of the catalog for order systems choosing a product, placement and tier. */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final LiveCatalog live;

    CatalogController(LiveCatalog live) {
        this.live = live;
    }

    @GetMapping
    CatalogView catalog() {
        Catalog catalog = live.current();
        return new CatalogView(catalog.products().stream().map(CatalogController::view).toList(),
                catalog.stocks().stream().map(s -> new StockView(s.id(), s.name(), s.paper(),
                        s.profile().getFileName().toString(), s.profileDescription(), s.profileSha256(),
                        s.intent().name(), s.blackPointCompensation(), s.inkLimit().percent(),
                        s.outputs().stream().map(PrintFileFormat::wireName).sorted().toList())).toList());
    }

    private static ProductView view(Product p) {
        return new ProductView(p.id(), p.name(), p.process(), p.bleedInches(), p.placements().stream()
                .map(pl -> new PlacementView(pl.id(), pl.name(), pl.tiers().stream().map(CatalogController::view).toList()))
                .toList());
    }

    private static TierView view(LayoutTier t) {
        PrintArea a = t.printArea();
        return new TierView(t.id(), t.name(), new AreaView(a.width(), a.height(), a.unit().symbol(),
                a.widthInches(), a.heightInches()), t.position(), t.minDpi(), t.targetDpi(), t.stock(), t.tested());
    }

    record CatalogView(List<ProductView> products, List<StockView> stocks) {
    }

    record StockView(String id, String name, String paper, String profile, @Nullable String profileDescription,
                     String profileSha256, String intent, boolean blackPointCompensation, double inkLimit,
                     List<String> outputs) {
    }

    record ProductView(String id, String name, String process, double bleedInches, List<PlacementView> placements) {
    }

    /** Named apart from the order's placement, which the document would otherwise mistake it for. */
    @Schema(name = "CatalogPlacement")
    record PlacementView(String id, String name, List<TierView> tiers) {
    }

    record TierView(String id, String name, AreaView printArea, TierPosition position, int minDpi, int targetDpi,
                    String stock, @Nullable String tested) {
    }

    record AreaView(BigDecimal width, BigDecimal height, String unit, BigDecimal widthInches, BigDecimal heightInches) {
    }
}
