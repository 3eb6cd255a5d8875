package dev.platen.render;

import dev.platen.artwork.Finding;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.GreyAsBlackInk;
import dev.platen.color.InkLimit;
import dev.platen.color.PixelFormat;
import dev.platen.color.RenderingIntent;
import dev.platen.color.RenderingOptions;
import dev.platen.color.TransformCache;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The art's samples to the stock's inks, by the art's {@link SourceColour.Route}: the one conversion the print
 * files, the soft proof and the colour report all use, so that what is measured is what prints.
 *
 * <ul>
 *   <li>{@code SEPARATED} RGB: {@link StockSeparation}, unchanged (the stock's intent, BPC, precision and ink
 *       limit inside one lcms transform).</li>
 *   <li>{@code SEPARATED} grey ({@code greyAs: process}): the same lcms transform from the grey's profile, taken
 *       once for each of the 256 levels.</li>
 *   <li>{@code GREY_AS_K}: the 256 levels' K from {@link GreyAsBlackInk}, C = M = Y = 0.</li>
 *   <li>{@code BLACK_PRESERVED}: lcms's K-only preserving variant of the stock's intent (10 perceptual, 11
 *       relative colorimetric, 12 saturation; an absolute colorimetric stock gets 11, as lcms has no absolute
 *       variant: the paper tint of the art's condition is then not simulated on the stock's paper, which is what
 *       a press wants of black text anyway) with the stock's BPC and precision, then the stock's ink limit by
 *       {@link InkLimit#limit}, which lcms cannot chain after a black-preserving transform.</li>
 *   <li>{@code PASSED_THROUGH}: the inks as they are, then the ink limit.</li>
 * </ul>
 * Where the ink limit is applied here (CMYK art), the pixels it had to change are counted, and
 * {@link #findings()} says so ({@code INK_LIMIT_APPLIED}). Not thread-safe, like {@link CmykConversion}.
 */
public final class ArtSeparation implements CmykConversion, AutoCloseable {

    private final SourceColour.Route route;
    private final int channels;
    // one of the three, by the art's samples; CMYK passed through has none
    private final @Nullable StockSeparation rgb;
    private final byte @Nullable [] greyInks;
    private final @Nullable ColorTransform cmyk;
    private final @Nullable InkLimit inkLimit;
    private long pixels;
    private long limited;

    private ArtSeparation(SourceColour.Route route, int channels, @Nullable StockSeparation rgb,
                          byte @Nullable [] greyInks, @Nullable ColorTransform cmyk, @Nullable InkLimit inkLimit) {
        this.route = route;
        this.channels = channels;
        this.rgb = rgb;
        this.greyInks = greyInks;
        this.cmyk = cmyk;
        this.inkLimit = inkLimit;
    }

    /** The separation of {@code art} on {@code stock}; {@code press} is the stock's open profile. */
    public static ArtSeparation of(SourceColour art, ColorProfile press, Stock stock, TransformCache cache) {
        int channels = art.samples().channels();
        return switch (art.samples()) {
            case RGB -> new ArtSeparation(art.route(), channels, StockSeparation.of(art.profile(), press, stock, cache),
                    null, null, null);
            case GREY -> new ArtSeparation(art.route(), channels, null, greyInks(art, press, stock, cache), null, null);
            case CMYK -> new ArtSeparation(art.route(), channels, null, null,
                    art.route() == SourceColour.Route.PASSED_THROUGH ? null
                            : cache.transform(art.profile(), PixelFormat.CMYK_8, press, PixelFormat.CMYK_8,
                            blackPreserving(stock)),
                    stock.inkLimit());
        };
    }

    /** The stock's rendering with K-only black preservation; see the class comment for absolute colorimetric. */
    public static RenderingOptions blackPreserving(Stock stock) {
        RenderingIntent intent = stock.intent() == RenderingIntent.ABSOLUTE_COLORIMETRIC
                ? RenderingIntent.RELATIVE_COLORIMETRIC : stock.intent();
        return RenderingOptions.of(intent, stock.blackPointCompensation()).withPrecision(stock.precision())
                .withBlackPreserved();
    }

    /** C, M, Y, K for each of the 256 grey levels. */
    private static byte[] greyInks(SourceColour art, ColorProfile press, Stock stock, TransformCache cache) {
        byte[] inks = new byte[256 * 4];
        if (art.route() == SourceColour.Route.GREY_AS_K) {
            byte[] k = GreyAsBlackInk.inks(art.profile(), press, stock.intent(), stock.blackPointCompensation());
            for (int g = 0; g < 256; g++) {
                inks[4 * g + 3] = k[g];
            }
            return inks;
        }
        byte[] levels = new byte[256];
        for (int g = 0; g < 256; g++) {
            levels[g] = (byte) g;
        }
        RenderingOptions options = RenderingOptions.of(stock.intent(), stock.blackPointCompensation())
                .withPrecision(stock.precision()).withInkLimit(stock.inkLimit());
        try (ColorTransform transform = cache.transform(art.profile(), art.lcmsFormat(), press, PixelFormat.CMYK_8,
                options)) {
            transform.convert(art.forLcms(levels, 256), inks, 256);
        }
        return inks;
    }

    @Override
    public int inputChannels() {
        return channels;
    }

    public SourceColour.Route route() {
        return route;
    }

    @Override
    public void convert(byte[] samples, int n, byte[] cmykOut) {
        pixels += n;
        if (rgb != null) {
            rgb.convert(samples, n, cmykOut);
        } else if (greyInks != null) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(greyInks, 4 * (samples[i] & 0xFF), cmykOut, 4 * i, 4);
            }
        } else if (cmyk == null) {
            System.arraycopy(samples, 0, cmykOut, 0, n * 4);
            limit(cmykOut, n);
        } else {
            convertCmyk(cmyk, samples, n, cmykOut);
        }
    }

    private void limit(byte[] inks, int n) {
        if (inkLimit != null) {
            limited += inkLimit.limit(inks, n);
        }
    }

    /**
     * CMYK through the black-preserving transform, each distinct colour once (art repeats its colours; exact
     * evaluation is the expensive part), then the ink limit per pixel. Byte for byte what converting every pixel
     * gives: the same transform on the same colour.
     */
    private void convertCmyk(ColorTransform cmyk, byte[] samples, int n, byte[] cmykOut) {
        if (n > CAPACITY / 4) {
            cmyk.convert(samples, cmykOut, n);
            limit(cmykOut, n);
            return;
        }
        ensureTable();
        if (size > CAPACITY * 45L / 100) {
            Arrays.fill(keys, 0);
            size = 0;
        }
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            long key = packed(samples, i);
            int slot = slotOf(key);
            if (keys[slot] == 0) {
                keys[slot] = key;
                size++;
                batchSlots[fresh] = slot;
                System.arraycopy(samples, 4 * i, batchIn, 4 * fresh, 4);
                fresh++;
            }
        }
        if (fresh > 0) {
            cmyk.convert(batchIn, batchOut, fresh);
            for (int f = 0; f < fresh; f++) {
                values[batchSlots[f]] = (int) (packed(batchOut, f) - 1);
            }
        }
        for (int i = 0; i < n; i++) {
            int v = values[slotOf(packed(samples, i))];
            cmykOut[4 * i] = (byte) (v >>> 24);
            cmykOut[4 * i + 1] = (byte) (v >>> 16);
            cmykOut[4 * i + 2] = (byte) (v >>> 8);
            cmykOut[4 * i + 3] = (byte) v;
        }
        limit(cmykOut, n);
    }

    /** The pixel's four bytes as an unsigned int, plus one so that 0 means an empty slot. */
    private static long packed(byte[] b, int i) {
        return ((long) (b[4 * i] & 0xFF) << 24 | (b[4 * i + 1] & 0xFF) << 16 | (b[4 * i + 2] & 0xFF) << 8
                | (b[4 * i + 3] & 0xFF)) + 1;
    }

    private int slotOf(long key) {
        int slot = (int) (key * 0x9E3779B97F4A7C15L >>> (64 - CAPACITY_BITS));
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & (CAPACITY - 1);
        }
        return slot;
    }

    /** Pixels converted so far, and how many of them the ink limit changed (CMYK art only). */
    public long pixels() {
        return pixels;
    }

    public long inkLimited() {
        return limited;
    }

    /** {@code INK_LIMIT_APPLIED} when the stock's ink limit had to change CMYK art's pixels, with their share. */
    public List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        if (limited > 0 && inkLimit != null) {
            findings.add(new Finding(Finding.INK_LIMIT_APPLIED, String.format(Locale.ROOT, "The stock's ink limit of %.0f %% "
                    + "had to act on %.2f %% of the art's pixels on the canvas (%d of %d): their C, M and Y were "
                    + "reduced, K kept.", inkLimit.percent(), 100.0 * limited / pixels, limited, pixels)));
        }
        return findings;
    }

    private static final int CAPACITY_BITS = 20;
    private static final int CAPACITY = 1 << CAPACITY_BITS;
    // empty until the first CMYK batch (ensureTable): 17 MB that art of other samples never needs
    private long[] keys = new long[0];
    private int[] values = new int[0];
    private int[] batchSlots = new int[0];
    private byte[] batchIn = new byte[0];
    private byte[] batchOut = new byte[0];
    private int size;

    private void ensureTable() {
        if (keys.length == 0) {
            keys = new long[CAPACITY];
            values = new int[CAPACITY];
            batchSlots = new int[CAPACITY / 4];
            batchIn = new byte[CAPACITY];
            batchOut = new byte[CAPACITY];
        }
    }

    @Override
    public void close() {
        if (rgb != null) {
            rgb.close();
        }
        if (cmyk != null) {
            cmyk.close();
        }
    }
}
