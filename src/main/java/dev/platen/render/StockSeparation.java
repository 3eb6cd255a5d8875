package dev.platen.render;

import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.PixelFormat;
import dev.platen.color.Precision;
import dev.platen.color.RenderingOptions;
import dev.platen.color.TransformCache;


/**
 * The real {@link CmykConversion}: LittleCMS from the art's profile to the stock's profile, with the stock's
 * rendering intent and black point compensation, and its total ink limit applied inside the same transform.
 *
 * <p>Precision is the stock's, {@link Precision#EXACT} unless it says {@code fast}: exact evaluation goes through
 * the profiles' tables for every colour instead of lcms's precalculated grid, so print files agree with
 * {@code transicc} to the count; the high-resolution grid ("fast") is up to 3 counts off on the project's own
 * profiles (measured in {@code TransiccCrossCheckTest}) and several times faster; see the README's benchmark.
 */
public final class StockSeparation implements CmykConversion, AutoCloseable {
    // Not thread-safe (the colour table): a render calls one instance from one thread, as CmykConversion says.

    private final ColorTransform transform;
    private final RenderingOptions options;

    private StockSeparation(ColorTransform transform, RenderingOptions options) {
        this.transform = transform;
        this.options = options;
    }

    /** A separation with a transform of its own (tests, the bench command). */
    public static StockSeparation of(ColorProfile artProfile, Stock stock) {
        try (TransformCache once = new TransformCache(1)) {
            return of(artProfile, stock, once);
        }
    }

    /**
     * A separation whose transform comes from the engine's shared cache, keyed by both profiles' SHA-256, the
     * formats, intent, BPC, precision and ink limit: the next placement of the same art profile on the same
     * stock reuses it (building a precalculated transform costs a tenth of a second or more).
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
        return new StockSeparation(cache.transform(artProfile, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options),
                options);
    }

    public RenderingOptions options() {
        return options;
    }

    /**
     * Converts a band. Art repeats its colours (flat graphics entirely, photographs a great deal), and exact
     * evaluation is the expensive part, so each distinct colour is separated once and remembered: the band's new
     * colours go to LittleCMS in one batch, every pixel is then looked up. The result is byte for byte what
     * converting every pixel would give, because it is the same transform applied to the same colour.
     */
    @Override
    public void convert(byte[] rgbRows, int pixels, byte[] cmykOut) {
        if (options.precision() != Precision.EXACT || pixels > CAPACITY / 4) {
            // The precalculated grid converts faster than the table can be probed (measured: 26 Mpx/s a core
            // against about 10 for the two lookups a pixel); a band this wide would crowd the table anyway.
            convertAll(rgbRows, pixels, cmykOut);
            return;
        }
        if (size > CAPACITY * 45L / 100) {
            // With at most a quarter of the table new per band, the load stays under 70 %: probes stay short.
            java.util.Arrays.fill(keys, 0);
            size = 0;
        }
        int newColours = 0;
        for (int i = 0; i < pixels; i++) {
            int rgb = (rgbRows[3 * i] & 0xFF) << 16 | (rgbRows[3 * i + 1] & 0xFF) << 8 | (rgbRows[3 * i + 2] & 0xFF);
            int slot = slotOf(rgb);
            if (keys[slot] == 0) {
                keys[slot] = rgb + 1;
                size++;
                batchSlots[newColours] = slot;
                batchRgb[3 * newColours] = rgbRows[3 * i];
                batchRgb[3 * newColours + 1] = rgbRows[3 * i + 1];
                batchRgb[3 * newColours + 2] = rgbRows[3 * i + 2];
                newColours++;
            }
        }
        if (newColours > 0) {
            convertAll(batchRgb, newColours, batchCmyk);
            for (int n = 0; n < newColours; n++) {
                values[batchSlots[n]] = (batchCmyk[4 * n] & 0xFF) << 24 | (batchCmyk[4 * n + 1] & 0xFF) << 16
                        | (batchCmyk[4 * n + 2] & 0xFF) << 8 | (batchCmyk[4 * n + 3] & 0xFF);
            }
        }
        for (int i = 0; i < pixels; i++) {
            int rgb = (rgbRows[3 * i] & 0xFF) << 16 | (rgbRows[3 * i + 1] & 0xFF) << 8 | (rgbRows[3 * i + 2] & 0xFF);
            int cmyk = values[slotOf(rgb)];
            cmykOut[4 * i] = (byte) (cmyk >>> 24);
            cmykOut[4 * i + 1] = (byte) (cmyk >>> 16);
            cmykOut[4 * i + 2] = (byte) (cmyk >>> 8);
            cmykOut[4 * i + 3] = (byte) cmyk;
        }
    }

    /** Linear probing in an open-addressed table; keys hold rgb + 1 so that 0 means empty. */
    private int slotOf(int rgb) {
        int slot = (rgb * 0x9E3779B1) >>> (32 - CAPACITY_BITS);
        while (keys[slot] != 0 && keys[slot] != rgb + 1) {
            slot = (slot + 1) & (CAPACITY - 1);
        }
        return slot;
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
    /** 2^21 colours (16 MB with their separations): a band of a 12 in wide tier at 300 DPI fits 2.7 times. */
    private static final int CAPACITY_BITS = 21;
    private static final int CAPACITY = 1 << CAPACITY_BITS;

    private final int[] keys = new int[CAPACITY];
    private final int[] values = new int[CAPACITY];
    private final int[] batchSlots = new int[CAPACITY / 4];
    private final byte[] batchRgb = new byte[CAPACITY / 4 * 3];
    private final byte[] batchCmyk = new byte[CAPACITY / 4 * 4];
    private int size;

    @Override
    public void close() {
        transform.close();
    }
}
