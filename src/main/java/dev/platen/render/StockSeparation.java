package dev.platen.render;

import dev.platen.catalog.Stock;
import dev.platen.color.CheckedGrid;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.PixelFormat;
import dev.platen.color.Precision;
import dev.platen.color.RenderingOptions;
import dev.platen.color.TransformCache;
import org.jspecify.annotations.Nullable;

/**
 * The real {@link CmykConversion}: LittleCMS from the art's profile to the stock's profile, with the stock's
 * rendering intent and black point compensation, and its total ink limit applied inside the same transform.
 *
 * <p>Precision is the stock's, {@link Precision#EXACT} unless it says {@code fast}. Exact: the stock's {@link
 * CheckedGrid} (built once per art profile and stock in the {@link TransformCache}), lcms's exact separation on a
 * grid every 3 levels interpolated in Java where its check found interpolation within a quarter count, and lcms's
 * exact evaluation, each distinct colour once, everywhere else: over all 16,777,216 colours within one count of
 * evaluating every colour exactly on every stock profile, so print files agree with {@code transicc} within a count
 * (measured by {@code bench/separation}; {@code CheckedGridTest} holds a sample to it). It runs about as fast as
 * lcms's high-resolution grid ("fast"), which is up to 3 counts off on the project's own profiles (measured in
 * {@code TransiccCrossCheckTest}) and up to 9 on the synthetic one; see the README's benchmark.
 */
public final class StockSeparation implements CmykConversion, AutoCloseable {
    // Not thread-safe (the grid conversion's table of exact colours): a render calls one instance from one thread,
    // as CmykConversion says; the conversion itself spreads a band across the cores.

    private final ColorTransform transform;
    private final RenderingOptions options;
    /** Exact precision: the grid's conversion; null for lcms's precalculated grid. */
    private final CheckedGrid.@Nullable Conversion grid;

    private StockSeparation(ColorTransform transform, RenderingOptions options, CheckedGrid.@Nullable Conversion grid) {
        this.transform = transform;
        this.options = options;
        this.grid = grid;
    }

    /**
     * A separation whose transform (and checked grid) comes from the engine's shared cache, keyed by both profiles'
     * SHA-256, the formats, intent, BPC, precision and ink limit: the next placement of the same art profile on the
     * same stock reuses it (building a precalculated transform costs a tenth of a second or more, a checked grid
     * about 0.4 s of CPU).
     */
    public static StockSeparation of(ColorProfile artProfile, Stock stock, TransformCache cache) {
        try (ColorProfile press = stock.openProfile()) {
            return of(artProfile, press, stock, cache);
        }
    }

    /** As above, with the stock's profile already open (the caller keeps and closes it). */
    public static StockSeparation of(ColorProfile artProfile, ColorProfile press, Stock stock, TransformCache cache) {
        RenderingOptions options = RenderingOptions.of(stock.intent(), stock.blackPointCompensation())
                .withPrecision(stock.precision()).withInkLimit(stock.inkLimit());
        ColorTransform transform = cache.transform(artProfile, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options);
        try {
            CheckedGrid.Conversion grid = options.precision() == Precision.EXACT
                    ? cache.checkedGrid(artProfile, press, options).conversion(transform) : null;
            return new StockSeparation(transform, options, grid);
        } catch (RuntimeException e) {
            transform.close();
            throw e;
        }
    }

    public RenderingOptions options() {
        return options;
    }

    /**
     * Converts a band. Exact: through the stock's {@link CheckedGrid}, in stripes across the cores, colours in its
     * marked tetrahedra separated by lcms one distinct colour at a time. Precalculated: lcms's own grid, across the
     * cores.
     */
    @Override
    public void convert(byte[] rgbRows, int pixels, byte[] cmykOut) {
        if (grid != null) {
            grid.convert(rgbRows, pixels, cmykOut);
        } else {
            convertAll(rgbRows, pixels, cmykOut);
        }
    }

    /**
     * Converts pixels, split across the machine's cores: one lcms transform may be used from several threads at
     * once (its one-pixel cache is copied per call in lcms 2.14). Small batches stay on the caller's thread.
     */
    private void convertAll(byte[] rgb, int pixels, byte[] cmykOut) {
        int parts = Math.min(Runtime.getRuntime().availableProcessors(), pixels / MIN_PIXELS_PER_PART);
        if (parts <= 1) {
            transform.convert(rgb, cmykOut, pixels);
            return;
        }
        int per = (pixels + parts - 1) / parts;
        java.util.stream.IntStream.range(0, parts).parallel().forEach(part -> {
            int first = part * per;
            int count = Math.min(per, pixels - first);
            if (count > 0) {
                transform.convert(java.nio.ByteBuffer.wrap(rgb, first * 3, count * 3).slice(),
                        java.nio.ByteBuffer.wrap(cmykOut, first * 4, count * 4).slice(), count);
            }
        });
    }

    private static final int MIN_PIXELS_PER_PART = 16 * 1024;

    @Override
    public void close() {
        transform.close();
    }
}
