package dev.platen.render;

import dev.platen.artwork.Finding;

import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.PixelCoding;
import dev.platen.artwork.PixelSource;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.DeltaE;
import dev.platen.color.Lab;
import dev.platen.testing.Transicc;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grey art prints in black ink only on coated stock, its lightness kept. A ramp of all 256 levels, as an untagged
 * grey PNG decoded by the artwork module (taken as sRGB neutrals) and in memory with lcms's gamma 2.2 grey profile,
 * goes through the render path at a scale of one; the TIFF is read back and each K measured with {@code transicc}
 * through the stock's profile (relative colorimetric, to Lab).
 *
 * <p>"Source grey" here: the level's L* through the art's own profile (transicc: {@code *sRGB} at R = G = B for the
 * untagged PNG), after the stock's black point compensation to its black ink: Y scaled so that the art's black
 * (Y 0 for both profiles) lands on K 100 %'s Y and white stays white, lcms's BPC formula. The print is held to it
 * within ΔE2000 1.5, a* and b* of the black ink included.
 */
class GreyArtPrintTest {

    @org.junit.jupiter.api.io.TempDir
    static Path dir;

    static BufferedImage ramp() {
        BufferedImage grey = new BufferedImage(256, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 4; y++) {
                grey.getRaster().setSample(x, y, 0, x);
            }
        }
        return grey;
    }

    @Test
    void anUntaggedGreyRampPrintsBlackOnlyMonotonicAndKeepsItsLightness() throws Exception {
        Path png = dir.resolve("ramp.png");
        ImageIO.write(ramp(), "png", png.toFile());
        ArtworkPixels pixels = CmykArtPrintTest.READER.pixels(png, 0);
        assertThat(pixels.samples()).isEqualTo("GRAY");
        check("untagged grey PNG (sRGB neutrals)", pixels, "*sRGB", true);
    }

    @Test
    void aGreyRampWithItsOwnGreyProfileDoesToo() throws Exception {
        try (ColorProfile gamma = ColorProfile.gray(2.2)) {
            Path profile = dir.resolve("gray22.icc");
            gamma.writeTo(profile);
            ArtworkPixels pixels = new ArtworkPixels(ramp(), "GRAY", gamma.bytes(), List.of(),
                    PixelSource.decoded(PixelCoding.LOSSLESS));
            check("grey ramp tagged gamma 2.2", pixels, profile.toString(), false);
        }
    }

    private static void check(String label, ArtworkPixels pixels, String profile, boolean rgbInput) throws Exception {
        Stock stock = CmykArtPrintTest.coated(CmykArtPrintTest.COATED);
        CmykArtPrintTest.Printed printed = CmykArtPrintTest.print(pixels, stock,
                dir.resolve("print-" + Integer.toHexString(label.hashCode())));
        assertThat(printed.codes()).containsExactly(Finding.GREY_AS_K);
        Raster tiff = printed.tiff();
        byte[] k = new byte[256];
        for (int x = 0; x < 256; x++) {
            for (int y = 0; y < 4; y++) {
                int[] p = tiff.getPixel(x, y, (int[]) null);
                assertThat(new int[] {p[0], p[1], p[2]}).as("level %d: C, M, Y", x).containsExactly(0, 0, 0);
                assertThat(p[3]).isEqualTo(tiff.getSample(x, 0, 3));
            }
            k[x] = (byte) tiff.getSample(x, 0, 3);
            if (x > 0) {
                assertThat(k[x] & 0xFF).as("K of level %d against level %d", x, x - 1)
                        .isLessThanOrEqualTo(k[x - 1] & 0xFF);
            }
        }
        // the print: each K alone through the stock's profile
        byte[] inks = new byte[256 * 4];
        for (int g = 0; g < 256; g++) {
            inks[4 * g + 3] = k[g];
        }
        double[][] printLab = Transicc.run(Transicc.cmykInput(inks, 256), 256, 3,
                "-i" + CmykArtPrintTest.COATED, "-o*Lab", "-t1");
        double[][] blackInk = Transicc.run("0 0 0 100\n", 1, 3, "-i" + CmykArtPrintTest.COATED, "-o*Lab", "-t1");
        double kY = new Lab(blackInk[0][0], 0, 0).toXyz()[1];
        // the source grey
        StringBuilder levels = new StringBuilder();
        for (int g = 0; g < 256; g++) {
            // transicc reads grey, like RGB, in 0..255 (CMYK in percent)
            levels.append(rgbInput ? g + " " + g + " " + g : Integer.toString(g)).append('\n');
        }
        double[][] sourceLab = Transicc.run(levels.toString(), 256, 3, "-i" + profile, "-o*Lab", "-t1");
        double worst = 0;
        int worstLevel = 0;
        for (int g = 0; g < 256; g++) {
            double y = new Lab(sourceLab[g][0], 0, 0).toXyz()[1];
            double compensated = Lab.fromXyz((float) 0.9642 * (float) (kY + (1 - kY) * y),
                    (float) (kY + (1 - kY) * y), (float) 0.8249 * (float) (kY + (1 - kY) * y)).lightness();
            double d = DeltaE.cie2000(new Lab(compensated, 0, 0),
                    new Lab(printLab[g][0], printLab[g][1], printLab[g][2]));
            if (d > worst) {
                worst = d;
                worstLevel = g;
            }
        }
        System.out.printf(Locale.ROOT, "%s: C=M=Y=0 on all 256 levels, K %d..%d monotonic, worst ΔE2000 %.2f "
                + "(level %d) against the source grey after BPC to the black ink (K100 L* %.1f)%n", label,
                k[255] & 0xFF, k[0] & 0xFF, worst, worstLevel, blackInk[0][0]);
        assertThat(worst).isLessThanOrEqualTo(1.5);
    }
}
