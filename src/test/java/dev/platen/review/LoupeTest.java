package dev.platen.review;

import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintArea;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The loupe's print size: the picture scaled to fit inside the tier's print area, as the print files place it. */
class LoupeTest {

    private static final LayoutTier FULL_FRONT = new LayoutTier("full-front", "Full front", PrintArea.inches(12, 16),
            null, 150, 300, "dtg-white-cotton", null);

    @Test
    void aWidePictureIsAsWideAsThePrintArea() {
        ReviewController.Loupe loupe = ReviewController.Loupe.of("proof", 2048, 1024, FULL_FRONT);
        assertThat(loupe.widthIn()).isCloseTo(12, within(1e-9));
        assertThat(loupe.heightIn()).isCloseTo(6, within(1e-9));
        assertThat(loupe.widthPx()).isEqualTo(2048);
    }

    @Test
    void aTallPictureIsAsTallAsThePrintArea() {
        ReviewController.Loupe loupe = ReviewController.Loupe.of("art", 400, 1000, FULL_FRONT);
        assertThat(loupe.heightIn()).isCloseTo(16, within(1e-9));
        assertThat(loupe.widthIn()).isCloseTo(6.4, within(1e-9));
    }

    @Test
    void aTierInMillimetresPrintsInItsInches() {
        LayoutTier a4 = new LayoutTier("a4", "A4", PrintArea.millimetres(210, 297), null, 150, 300, "coated", null);
        ReviewController.Loupe loupe = ReviewController.Loupe.of("proof", 2100, 2970, a4);
        assertThat(loupe.widthIn() * 25.4).isCloseTo(210, within(1e-9));
    }
}
