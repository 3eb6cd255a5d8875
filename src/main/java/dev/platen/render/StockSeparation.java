package dev.platen.render;

import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.InvalidProfile;
import dev.platen.color.PixelFormat;
import dev.platen.color.Precision;
import dev.platen.color.RenderingOptions;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The real {@link CmykConversion}: LittleCMS from the art's profile to the stock's profile, with the stock's
 * rendering intent and black point compensation, and its total ink limit applied inside the same transform.
 *
 * <p>Precision is {@link Precision#EXACT}: the transform evaluates the profiles' tables for every colour instead
 * of through lcms's precalculated grid, so print files agree with {@code transicc} to the count; the grid is up to
 * 9 counts off on the project's own profiles (measured in {@code TransiccCrossCheckTest}). It costs speed; see the
 * benchmark in the README.
 */
public final class StockSeparation implements CmykConversion, AutoCloseable {

    private final ColorTransform transform;
    private final RenderingOptions options;

    private StockSeparation(ColorTransform transform, RenderingOptions options) {
        this.transform = transform;
        this.options = options;
    }

    public static StockSeparation of(ColorProfile artProfile, Stock stock) {
        RenderingOptions options = RenderingOptions.of(stock.intent(), stock.blackPointCompensation())
                .withPrecision(Precision.EXACT).withInkLimit(stock.inkLimit());
        try (ColorProfile press = ColorProfile.fromFile(stock.profile())) {
            return new StockSeparation(ColorTransform.create(artProfile, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                    options), options);
        } catch (IOException e) {
            throw new UncheckedIOException("stock " + stock.id() + ": cannot read " + stock.profile(), e);
        } catch (InvalidProfile e) {
            // Validated at start; a profile that breaks afterwards was changed on disk under a running engine.
            throw new IllegalStateException("stock " + stock.id() + ": profile " + stock.profile() + " is no longer usable", e);
        }
    }

    public RenderingOptions options() {
        return options;
    }

    /**
     * Converts a band, split across the machine's cores: exact evaluation is CPU-bound, and one lcms transform
     * may be used from several threads at once (its one-pixel cache is copied per call in lcms 2.14). Bands too
     * small to be worth a hand-off are converted on the caller's thread.
     */
    @Override
    public void convert(byte[] rgbRows, int pixels, byte[] cmykOut) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), pixels / MIN_PIXELS_PER_PART);
        if (parts <= 1) {
            transform.convert(rgbRows, cmykOut, pixels);
            return;
        }
        int per = (pixels + parts - 1) / parts;
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            int first = part * per;
            int count = Math.min(per, pixels - first);
            if (count > 0) {
                transform.convert(java.nio.ByteBuffer.wrap(rgbRows, first * 3, count * 3).slice(),
                        java.nio.ByteBuffer.wrap(cmykOut, first * 4, count * 4).slice(), count);
            }
        });
    }

    private static final int MIN_PIXELS_PER_PART = 64 * 1024;

    @Override
    public void close() {
        transform.close();
    }
}
