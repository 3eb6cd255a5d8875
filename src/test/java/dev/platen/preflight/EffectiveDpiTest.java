package dev.platen.preflight;

import dev.platen.artwork.PdfLayout;
import dev.platen.artwork.PlacedImage;
import dev.platen.catalog.LengthUnit;
import dev.platen.catalog.PrintArea;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EffectiveDpiTest {

    private static final PrintArea FULL_FRONT = PrintArea.inches(12, 16);

    @Test
    void artFillingTheAreaPrintsAtItsPixelsPerInch() {
        EffectiveDpi dpi = EffectiveDpi.ofRaster(2400, 3200, FULL_FRONT);
        assertThat(dpi.value()).isEqualTo(200.0);
        assertThat(dpi.rounded()).isEqualByComparingTo("200.0");
    }

    @Test
    void landscapeArtOnAPortraitAreaIsScaledToTheAreasWidth() {
        // 3200 x 2400 in 12 x 16: contain scales it to 12 x 9 in, so it prints at 3200 / 12 = 266.7 DPI
        assertThat(EffectiveDpi.ofRaster(3200, 2400, FULL_FRONT).value()).isCloseTo(3200 / 12.0, within(1e-9));
        // a square 2400 px in 12 x 16 prints 12 x 12 in: 200 DPI
        assertThat(EffectiveDpi.ofRaster(2400, 2400, FULL_FRONT).value()).isEqualTo(200.0);
    }

    @Test
    void portraitArtOnALandscapeAreaIsScaledToTheAreasHeight() {
        // 2000 x 3000 on the 9 x 3.5 in mug wrap: 3.5 in tall, 2.33 in wide, 857.1 DPI
        EffectiveDpi dpi = EffectiveDpi.ofRaster(2000, 3000, PrintArea.inches(9, 3.5));
        assertThat(dpi.value()).isCloseTo(3000 / 3.5, within(1e-9));
        assertThat(dpi.rounded()).isEqualByComparingTo("857.1");
        // 600 x 900 on the same wrap: 257.1 DPI
        assertThat(EffectiveDpi.ofRaster(600, 900, PrintArea.inches(9, 3.5)).value()).isCloseTo(900 / 3.5, within(1e-9));
    }

    @Test
    void exactlyAtTheMinimumPassesAndAHundredthBelowFails() {
        EffectiveDpi atMinimum = EffectiveDpi.ofRaster(1500, 1500, PrintArea.inches(10, 10));
        assertThat(atMinimum.value()).isEqualTo(150.0);
        assertThat(atMinimum.meets(150)).isTrue();

        // 1500 px over 10.00066671 in is 149.99 DPI
        PrintArea slightlyLarger = new PrintArea(new BigDecimal("10.00066671"), new BigDecimal("10.00066671"), LengthUnit.IN);
        EffectiveDpi justBelow = EffectiveDpi.ofRaster(1500, 1500, slightlyLarger);
        assertThat(justBelow.value()).isCloseTo(149.99, within(1e-6));
        assertThat(justBelow.meets(150)).isFalse();
        assertThat(new EffectiveDpi(149.99).meets(150)).isFalse();
        assertThat(EffectiveDpi.ofRaster(1499, 1499, PrintArea.inches(10, 10)).meets(150)).isFalse();
    }

    @Test
    void millimetreAreasAreExact() {
        // 101.6 mm is exactly 4 in; 254 mm exactly 10 in
        assertThat(EffectiveDpi.ofRaster(1200, 1200, PrintArea.millimetres(101.6, 101.6)).value()).isEqualTo(300.0);
        EffectiveDpi tenInches = EffectiveDpi.ofRaster(1500, 1500, PrintArea.millimetres(254, 254));
        assertThat(tenInches.value()).isEqualTo(150.0);
        assertThat(tenInches.meets(150)).isTrue();
    }

    @Test
    void pdfImagesCountAtTheirPlacedSizeOnceThePageIsScaledToTheArea() {
        // US Letter page (612 x 792 pt) with one 1275 x 1650 px image over the whole page (150 DPI on paper).
        // Scaled "contain" into 12 x 16 in: the width decides, factor 864/612; the image becomes 12 in wide.
        PdfLayout letter = new PdfLayout(1, 612, 792, List.of(new PlacedImage(1275, 1650, 612, 792)));
        assertThat(EffectiveDpi.ofPdf(letter, FULL_FRONT).value()).isCloseTo(1275 / 12.0, within(1e-9));
    }

    @Test
    void theWorstImageOfAPdfDecides() {
        // 4 x 4 in page (288 pt); a sharp image over the whole page and a small logo of 100 px drawn 1 in wide.
        PdfLayout page = new PdfLayout(1, 288, 288, List.of(
                new PlacedImage(1200, 1200, 288, 288),
                new PlacedImage(100, 100, 72, 72)));
        // onto a 4 x 4 in tier the page is not scaled: the logo prints at 100 DPI
        assertThat(EffectiveDpi.ofPdf(page, PrintArea.inches(4, 4)).value()).isCloseTo(100.0, within(1e-9));
        // onto 2 x 2 in the page is halved: the logo prints half an inch wide, 200 DPI
        assertThat(EffectiveDpi.ofPdf(page, PrintArea.inches(2, 2)).value()).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void vectorOnlyArtHasNoResolutionLimit() {
        EffectiveDpi dpi = EffectiveDpi.ofPdf(new PdfLayout(1, 612, 792, List.of()), FULL_FRONT);
        assertThat(dpi.unlimited()).isTrue();
        assertThat(dpi.meets(10_000)).isTrue();
        assertThat(dpi.rounded()).isNull();
    }
}
