package dev.platen.routing;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.preflight.EffectiveDpi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tier choice on the bundled catalog, the way a shop's orders meet it. */
class TierChoiceTest {

    private static Placement front;
    private static Placement mugWrap;

    @BeforeAll
    static void loadBundledCatalog() {
        Catalog catalog = Catalog.load(new CatalogLocations(Path.of("layout-tiers"), Path.of("icc-profiles/stocks.yaml")));
        front = catalog.product("tshirt").orElseThrow().placement("front").orElseThrow();
        mugWrap = catalog.product("mug").orElseThrow().placement("wrap").orElseThrow();
    }

    private static TierVerdict raster(Placement placement, String requestedTier, int w, int h) {
        LayoutTier requested = placement.tier(requestedTier).orElseThrow();
        return TierChoice.choose(placement, requested, tier -> EffectiveDpi.ofRaster(w, h, tier.printArea()));
    }

    @Test
    void artThatHoldsTheRequestedTierPrintsThere() {
        TierVerdict verdict = raster(front, "full-front", 2400, 3200);
        assertThat(verdict.chosen().id()).isEqualTo("full-front");
        assertThat(verdict.downgraded()).isFalse();
        assertThat(verdict.effectiveDpi().rounded()).isEqualByComparingTo("200.0");
        assertThat(verdict.reasons()).containsExactly(ReasonCode.FITS_REQUESTED_TIER, ReasonCode.BELOW_TARGET_DPI);
    }

    @Test
    void tooFewPixelsStepDownToTheLargestTierThatHolds() {
        // 1500 x 2000 on 12 x 16 is 125 DPI; on 10 x 10 it prints 7.5 x 10 in at 200 DPI
        TierVerdict verdict = raster(front, "full-front", 1500, 2000);
        assertThat(verdict.chosen().id()).isEqualTo("centred");
        assertThat(verdict.downgraded()).isTrue();
        assertThat(verdict.effectiveDpi().rounded()).isEqualByComparingTo("200.0");
        assertThat(verdict.reasons()).containsExactly(ReasonCode.LOW_DPI_DOWNGRADED, ReasonCode.BELOW_TARGET_DPI);
    }

    @Test
    void exactlyTheMinimumHoldsAndOnePixelLessSkipsATier() {
        // 1500 x 1500 on 10 x 10 is exactly 150 DPI: the centred tier holds
        assertThat(raster(front, "full-front", 1500, 1500).chosen().id()).isEqualTo("centred");
        // 1499 x 1499 is 149.9 DPI there, so the 6 x 6 mini is the largest that holds
        TierVerdict verdict = raster(front, "full-front", 1499, 1499);
        assertThat(verdict.chosen().id()).isEqualTo("centred-mini");
        assertThat(verdict.effectiveDpi().rounded()).isEqualByComparingTo("249.8");
    }

    @Test
    void whenNothingHoldsAnOperatorMustDecide() {
        // 300 x 300 px is 75 DPI even on the 4 x 4 left chest
        TierVerdict verdict = raster(front, "full-front", 300, 300);
        assertThat(verdict.fits()).isFalse();
        assertThat(verdict.chosen()).isNull();
        assertThat(verdict.reasons()).containsExactly(ReasonCode.NO_TIER_FITS);
        // reported at the requested tier: 300 px scaled to 12 in wide, 25 DPI
        assertThat(verdict.effectiveDpi().rounded()).isEqualByComparingTo("25.0");
    }

    @Test
    void neverChoosesATierLargerThanTheOneRequested() {
        // plenty of pixels, but the shop asked for the left chest
        TierVerdict verdict = raster(front, "left-chest", 6000, 8000);
        assertThat(verdict.chosen().id()).isEqualTo("left-chest");
        assertThat(verdict.downgraded()).isFalse();
    }

    @Test
    void aRequestedSmallTierWithTooFewPixelsFindsNothingSmaller() {
        TierVerdict verdict = raster(front, "left-chest", 500, 500);
        assertThat(verdict.fits()).isFalse();
    }

    @Test
    void mugArtFallsBackToTheCentredMarkOnlyWhenTheMarkHolds() {
        // 300 x 450 portrait: on the 9 x 3.5 wrap it prints 3.5 in tall at 128.6 DPI, too soft;
        // on the 3.5 x 3.5 mark it prints 3.5 in tall too, but the mark was tested at a 150 minimum, so no.
        assertThat(raster(mugWrap, "full-wrap", 300, 450).fits()).isFalse();
        // 400 x 300 landscape: on the wrap 3.5 in tall is 85.7 DPI; the mark scales it to 3.5 in wide: 114.3
        assertThat(raster(mugWrap, "full-wrap", 400, 300).fits()).isFalse();
        // 1200 x 500: the wrap's 3.5 in height limits it to 142.9 DPI (fails); the mark scales it to 3.5 in wide: 342.9
        TierVerdict verdict = raster(mugWrap, "full-wrap", 1200, 500);
        assertThat(verdict.chosen().id()).isEqualTo("centred-mark");
        assertThat(verdict.effectiveDpi().value()).isCloseTo(1200 / 3.5, org.assertj.core.api.Assertions.within(1e-9));
    }
}
