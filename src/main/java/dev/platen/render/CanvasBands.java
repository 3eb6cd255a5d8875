package dev.platen.render;

import dev.platen.artwork.StreamedRows;
import org.jspecify.annotations.Nullable;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The print file's canvas in CMYK, made a band of rows at a time: the art resampled to its place in its own
 * channels (RGB, grey or CMYK, as the conversion takes them), mirrored into the bleed where it reaches the trim,
 * converted by the colour module, and paper (0/0/0/0) everywhere else.
 *
 * <p>Memory is the source art (held by the caller), a few filtered rows inside {@link ResampledArt}, and the
 * buffers of one band: RGB and coverage of the art's span, and its CMYK. A 17 MP or a 100 MP canvas never exists
 * whole. Pixels the art leaves fully transparent are paper too, whatever the conversion makes of white.
 *
 * <p>Bands are cheapest asked for top to bottom; any order works. Not thread-safe.
 */
final class CanvasBands implements CanvasRows {

    /**
     * Rows per band: large enough that the per-call cost of the colour transform vanishes, small enough to stay
     * small beside the art: a band's buffers take 12 bytes a pixel (CMYK out, RGB, coverage and CMYK of the art's
     * span), 17 MB for an 18 x 24 in poster with bleed at 300 DPI (5 475 px wide).
     */
    static final int BAND_ROWS = 256;

    private final PlacementCanvas canvas;
    private final ResampledArt art;
    private final CmykConversion conversion;
    private final int spanStart;
    private final int spanEnd;
    private final int[] spanColumn;
    private final int channels;
    private final int[] runs;
    private final @Nullable StreamedRows streamed;
    private final int @Nullable [] keepFrom; // with streamed

    private byte[] artRgb = new byte[0];
    private byte[] artAlpha = new byte[0];
    private byte[] spanRgb = new byte[0];
    private byte[] spanAlpha = new byte[0];
    private byte[] spanCmyk = new byte[0];

    CanvasBands(PlacementCanvas canvas, BufferedImage source, CmykConversion conversion) {
        this.canvas = canvas;
        // The canvas is made in the art's own channels, which the conversion says it takes: RGB, grey or CMYK.
        this.channels = conversion.inputChannels();
        this.art = new ResampledArt(source, channels, canvas.artWidthPx(), canvas.artHeightPx());
        this.conversion = conversion;
        // The columns that show art (the art itself and, if mirrored, the bleed beside it) are one run.
        int start = -1;
        int end = -1;
        for (int x = 0; x < canvas.widthPx(); x++) {
            if (canvas.artColumn(x) >= 0) {
                if (start < 0) {
                    start = x;
                }
                end = x + 1;
            }
        }
        this.spanStart = start;
        this.spanEnd = end;
        this.spanColumn = new int[end - start];
        for (int x = start; x < end; x++) {
            spanColumn[x - start] = canvas.artColumn(x);
        }
        this.runs = runs(spanColumn);
        this.streamed = source.getRaster() instanceof StreamedRows rows ? rows : null;
        this.keepFrom = streamed == null ? null : schedule(streamed);
    }

    /**
     * For art read as {@link StreamedRows}: the lowest source row still to be read once canvas row {@code y} is
     * made, for every row (the ring may drop the rows below it), and the ring sized to the most rows any canvas row
     * needs kept at once: its filter window, and at the bleed the mirrored rows it walks back over.
     */
    private int[] schedule(StreamedRows rows) {
        int heightPx = canvas.heightPx();
        int[] first = new int[heightPx + 1];
        int[] last = new int[heightPx + 1];
        first[heightPx] = art.sourceRows(art.height() - 1)[1] + 1;
        for (int y = heightPx - 1; y >= 0; y--) {
            int artRow = canvas.artRow(y);
            int[] reads = artRow >= 0 ? art.sourceRows(artRow) : null;
            first[y] = reads == null ? first[y + 1] : Math.min(reads[0], first[y + 1]);
            last[y] = reads == null ? -1 : reads[1];
        }
        int window = 1;
        for (int y = 0; y < heightPx; y++) {
            window = Math.max(window, last[y] - first[y] + 1);
        }
        rows.reserve(window + 16); // a few rows of slack let the decoder run ahead of the filter
        return java.util.Arrays.copyOfRange(first, 1, heightPx + 1);
    }

    /**
     * The span's columns as runs of art columns, three ints each: where the run starts in the span, its first art
     * column, and its length, negative for a run that walks back (the mirrored bleed). The art itself is one run,
     * copied with one {@code arraycopy} a row rather than one a pixel.
     */
    static int[] runs(int[] columns) {
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int i = 0;
        while (i < columns.length) {
            int step = i + 1 < columns.length && columns[i + 1] == columns[i] - 1 ? -1 : 1;
            int j = i + 1;
            while (j < columns.length && columns[j] == columns[j - 1] + step) {
                j++;
            }
            runs.add(new int[] {i, columns[i], step * (j - i)});
            i = j;
        }
        return runs.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Override
    public PlacementCanvas canvas() {
        return canvas;
    }

    /** Bytes of one full canvas row: four inks a pixel. */
    @Override
    public int rowBytes() {
        return canvas.widthPx() * 4;
    }

    /**
     * Fills {@code cmyk} (from index 0) with canvas rows {@code y0 .. y0 + rows - 1}, C, M, Y, K interleaved.
     */
    @Override
    public void render(int y0, int rows, byte[] cmyk) {
        int rowBytes = rowBytes();
        // Canvas rows with art in them are also one run (the art rows plus any mirrored bleed rows).
        int first = -1;
        int last = -1;
        for (int y = y0; y < y0 + rows; y++) {
            if (canvas.artRow(y) >= 0) {
                if (first < 0) {
                    first = y;
                }
                last = y;
            }
        }
        // No ink where there is no art: the rows without art, and either side of the art's span in the rows with it
        // (the span itself is written in full below). Clearing the whole band first wrote most of it twice: 8 % of
        // the samples of a one-placement process.
        for (int y = y0; y < y0 + rows; y++) {
            int row = (y - y0) * rowBytes;
            if (y < first || y > last || first < 0) {
                Arrays.fill(cmyk, row, row + rowBytes, (byte) 0);
            } else {
                Arrays.fill(cmyk, row, row + spanStart * 4, (byte) 0);
                Arrays.fill(cmyk, row + spanEnd * 4, row + rowBytes, (byte) 0);
            }
        }
        if (first < 0) {
            return;
        }
        int spanWidth = spanEnd - spanStart;
        int count = last - first + 1;
        int pixels = count * spanWidth;
        ensureCapacity(pixels);
        for (int y = first; y <= last; y++) {
            art.row(canvas.artRow(y), artRgb, artAlpha);
            if (streamed != null && keepFrom != null) {
                streamed.release(keepFrom[y]);
            }
            int base = (y - first) * spanWidth;
            for (int r = 0; r < runs.length; r += 3) {
                int at = runs[r];
                int c = runs[r + 1];
                int length = runs[r + 2];
                if (length > 0) {
                    System.arraycopy(artRgb, c * channels, spanRgb, (base + at) * channels, length * channels);
                    System.arraycopy(artAlpha, c, spanAlpha, base + at, length);
                } else {
                    for (int i = 0; i < -length; i++, c--) { // a mirrored bleed: columns walk back
                        System.arraycopy(artRgb, c * channels, spanRgb, (base + at + i) * channels, channels);
                        spanAlpha[base + at + i] = artAlpha[c];
                    }
                }
            }
        }
        conversion.convert(spanRgb, pixels, spanCmyk);
        for (int y = first; y <= last; y++) {
            int from = (y - first) * spanWidth;
            int to = (y - y0) * rowBytes + spanStart * 4;
            System.arraycopy(spanCmyk, from * 4, cmyk, to, spanWidth * 4);
            for (int i = 0; i < spanWidth; i++) {
                if (spanAlpha[from + i] == 0) {
                    Arrays.fill(cmyk, to + i * 4, to + i * 4 + 4, (byte) 0);
                }
            }
        }
    }

    private void ensureCapacity(int pixels) {
        if (artRgb.length < art.width() * channels) {
            artRgb = new byte[art.width() * channels];
            artAlpha = new byte[art.width()];
        }
        if (spanAlpha.length < pixels) {
            spanRgb = new byte[pixels * channels];
            spanAlpha = new byte[pixels];
            spanCmyk = new byte[pixels * 4];
        }
    }
}
