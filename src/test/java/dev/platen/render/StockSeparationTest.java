package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.InkLimit;
import dev.platen.color.RenderingIntent;
import dev.platen.testing.EngineTransforms;
import dev.platen.testing.Transicc;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The separation print files are made with, held against transicc and against the stock's ink limit. */
class StockSeparationTest {

    private static final Path COATED = Path.of("icc-profiles/platen-coated-v1.icc");

    private static Stock stock(RenderingIntent intent, boolean bpc, double inkLimit) {
        return new Stock("test", "Test coated", null, COATED, "Platen coated", "0".repeat(64), intent, bpc,
                new InkLimit(inkLimit), Set.of(PrintFileFormat.TIFF), "test", dev.platen.color.Precision.EXACT, "coated-paper");
    }

    @Test
    void separatesAsTransiccDoesWithTheStocksIntentAndBlackPointCompensation() throws Exception {
        byte[] rgb = {(byte) 200, 30, 40, 20, 60, (byte) 200, (byte) 250, (byte) 220, 10, 40, (byte) 160, 90,
                (byte) 128, (byte) 128, (byte) 128, (byte) 255, (byte) 255, (byte) 255};
        int colours = rgb.length / 3;
        for (RenderingIntent intent : List.of(RenderingIntent.RELATIVE_COLORIMETRIC, RenderingIntent.PERCEPTUAL)) {
            byte[] cmyk = new byte[colours * 4];
            try (ColorProfile srgb = ColorProfile.srgb();
                 StockSeparation separation = StockSeparation.of(srgb, stock(intent, true, 400),
                         EngineTransforms.CACHE)) {
                separation.convert(rgb, colours, cmyk);
            }
            int[][] reference = transicc(rgb, intent.code());
            for (int i = 0; i < colours; i++) {
                for (int ch = 0; ch < 4; ch++) {
                    assertThat(Math.abs((cmyk[4 * i + ch] & 0xFF) - reference[i][ch]))
                            .as("%s colour %d channel %d", intent, i, ch).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void keepsTotalInkWithinTheStocksLimit() throws Exception {
        byte[] black = {0, 0, 0, 10, 0, 20, 30, 10, 0};
        byte[] cmyk = new byte[12];
        try (ColorProfile srgb = ColorProfile.srgb(); StockSeparation separation = StockSeparation.of(srgb,
                stock(RenderingIntent.RELATIVE_COLORIMETRIC, true, 260), EngineTransforms.CACHE)) {
            separation.convert(black, 3, cmyk);
        }
        for (int i = 0; i < 3; i++) {
            double coverage = InkLimit.coverageOf8Bit(cmyk[4 * i] & 0xFF, cmyk[4 * i + 1] & 0xFF, cmyk[4 * i + 2] & 0xFF,
                    cmyk[4 * i + 3] & 0xFF);
            assertThat(coverage).as("colour %d", i).isLessThanOrEqualTo(261.0).isGreaterThan(200.0);
        }
    }

    private static int[][] transicc(byte[] rgb, int intent) throws IOException, InterruptedException {
        int[] values = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            values[i] = rgb[i] & 0xFF;
        }
        return Transicc.eightBit(Transicc.run(Transicc.rgbInput(values), rgb.length / 3, 4,
                "-i*sRGB", "-o" + COATED, "-t" + intent, "-b"));
    }
}
