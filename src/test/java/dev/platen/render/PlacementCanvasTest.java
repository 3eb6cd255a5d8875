package dev.platen.render;

import dev.platen.catalog.LengthUnit;
import dev.platen.catalog.PrintArea;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementCanvasTest {

    @Test
    void artBelowTargetDpiIsResampledUpToTheCanvasGrid() {
        // 2400 px over 12 in is 200 DPI; the canvas is at the tier's 300 DPI and the art fills it at 300.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(12, 16), 0, 300, 2400, 3200);

        assertThat(c.widthPx()).isEqualTo(3600);
        assertThat(c.heightPx()).isEqualTo(4800);
        assertThat(c.artWidthPx()).isEqualTo(3600);
        assertThat(c.artHeightPx()).isEqualTo(4800);
        assertThat(c.artX()).isZero();
        assertThat(c.artY()).isZero();
    }

    @Test
    void artAboveTargetDpiIsResampledDownNeverAboveIt() {
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(12, 16), 0, 300, 6000, 8000);

        assertThat(c.artWidthPx()).isEqualTo(3600);
        assertThat(c.artHeightPx()).isEqualTo(4800);
        // The art's resolution on paper is the canvas's: 3600 px over 12 in.
        assertThat(c.artWidthPx() / 12.0).isEqualTo(300.0);
    }

    @Test
    void posterBleedIsAddedOnEverySideAndTheBleedBoxIsRoundedAsAWhole() {
        // 18 x 24 in with 0.125 in bleed: (18.25 x 24.25 in) x 300 = 5475 x 7275 px. The bleed is 37.5 px a side.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(18, 24), 0.125, 300, 5400, 7200);

        assertThat(c.widthPx()).isEqualTo(5475);
        assertThat(c.heightPx()).isEqualTo(7275);
        assertThat(c.trimWidthPx()).isEqualTo(5400);
        assertThat(c.trimHeightPx()).isEqualTo(7200);
        assertThat(c.trimX()).isEqualTo(37); // the odd pixel of the split goes right and down
        assertThat(c.trimY()).isEqualTo(37);
        assertThat(c.widthPx() * c.pointsPerPixel()).isEqualTo(1314.0);
        assertThat(c.trimWidthPt()).isEqualTo(1296.0);
        assertThat(c.trimHeightPt()).isEqualTo(1728.0);
    }

    @Test
    void twelveBySixteenPosterWithBleed() {
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(12, 16), 0.125, 300, 2400, 3200);

        assertThat(c.widthPx()).isEqualTo(3675);
        assertThat(c.heightPx()).isEqualTo(4875);
        assertThat(c.artWidthPx()).isEqualTo(3600);
        assertThat(c.artX()).isEqualTo(c.trimX());
    }

    @Test
    void millimetreTierIsExact() {
        // 101.6 mm is exactly 4 in: 1200 px at 300 DPI, no rounding through a double.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.millimetres(101.6, 101.6), 0, 300, 1000, 1000);

        assertThat(c.widthPx()).isEqualTo(1200);
        assertThat(c.heightPx()).isEqualTo(1200);
        assertThat(c.artWidthPx()).isEqualTo(1200);
    }

    @Test
    void fractionalPixelsRoundHalfUp() {
        // 100 mm at 300 DPI is 1181.10 px -> 1181; 1.5025 in at 200 DPI is exactly 300.5 px -> 301.
        assertThat(PlacementCanvas.fit(PrintArea.millimetres(100, 100), 0, 300, 10, 10).widthPx()).isEqualTo(1181);
        PrintArea half = new PrintArea(new BigDecimal("1.5025"), BigDecimal.ONE, LengthUnit.IN);
        assertThat(PlacementCanvas.fit(half, 0, 200, 10, 10).widthPx()).isEqualTo(301);
    }

    @Test
    void portraitArtOnLandscapeTierIsCentredWithPaperSides() {
        // 10 x 5 in landscape, 1000 x 2000 px portrait art: height decides, 500 px tall -> 250 px wide, centred.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(10, 5), 0, 100, 1000, 2000);

        assertThat(c.widthPx()).isEqualTo(1000);
        assertThat(c.heightPx()).isEqualTo(500);
        assertThat(c.artWidthPx()).isEqualTo(250);
        assertThat(c.artHeightPx()).isEqualTo(500);
        assertThat(c.artX()).isEqualTo(375);
        assertThat(c.artY()).isZero();
        assertThat(c.artColumn(374)).isEqualTo(-1);
        assertThat(c.artColumn(375)).isZero();
        assertThat(c.artColumn(624)).isEqualTo(249);
        assertThat(c.artColumn(625)).isEqualTo(-1);
    }

    @Test
    void oddSplitPutsTheExtraPixelRightAndDown() {
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(10, 10), 0, 10, 50, 100);

        assertThat(c.artWidthPx()).isEqualTo(50);
        assertThat(c.artX()).isEqualTo(25);
        PlacementCanvas odd = PlacementCanvas.fit(PrintArea.inches(10, 10), 0, 10, 49, 100);
        assertThat(odd.artWidthPx()).isEqualTo(49);
        assertThat(odd.artX()).isEqualTo(25); // 51 px of paper: 25 left, 26 right
    }

    @Test
    void artWithinAPixelOfTheTrimAspectIsSnappedToFillIt() {
        // 3601 x 4800 px on 12 x 16 in: width decides, height 4798.67 -> 4799, one pixel short: snapped to 4800.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(12, 16), 0, 300, 3601, 4800);

        assertThat(c.artWidthPx()).isEqualTo(3600);
        assertThat(c.artHeightPx()).isEqualTo(4800);
    }

    @Test
    void bleedIsMirroredArtWhereTheArtReachesTheTrimAndPaperWhereItDoesNot() {
        // 1 in bleed at 10 DPI = 10 px a side; 10 x 5 in landscape trim, portrait art: art spans the height only.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(10, 5), 1, 10, 100, 200);

        assertThat(c.widthPx()).isEqualTo(120);
        assertThat(c.heightPx()).isEqualTo(70);
        assertThat(c.artHeightPx()).isEqualTo(50);
        assertThat(c.artWidthPx()).isEqualTo(25);
        assertThat(c.mirrorsDown()).isTrue();
        assertThat(c.mirrorsAcross()).isFalse();
        // Rows: the bleed above the trim mirrors the art's first rows; below, its last rows.
        assertThat(c.artRow(9)).isZero();
        assertThat(c.artRow(0)).isEqualTo(9);
        assertThat(c.artRow(10)).isZero();
        assertThat(c.artRow(59)).isEqualTo(49);
        assertThat(c.artRow(60)).isEqualTo(49);
        assertThat(c.artRow(69)).isEqualTo(40);
        // Columns beside the narrow art are paper in trim and bleed alike.
        assertThat(c.artColumn(0)).isEqualTo(-1);
        assertThat(c.artColumn(c.artX() - 1)).isEqualTo(-1);
    }

    @Test
    void garmentWithoutBleedHasNoMirroring() {
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(12, 16), 0, 300, 2400, 3200);

        assertThat(c.mirrorsAcross()).isFalse();
        assertThat(c.mirrorsDown()).isFalse();
        assertThat(c.artRow(-1)).isEqualTo(-1);
    }

    @Test
    void emptyArtIsRefused() {
        assertThatThrownBy(() -> PlacementCanvas.fit(PrintArea.inches(1, 1), 0, 300, 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
