package dev.platen.artwork;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.color.ColorSpace;
import java.awt.image.ComponentColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;

import org.jspecify.annotations.Nullable;

/**
 * The art's rows as packed ARGB, as {@link BufferedImage#getRGB} gives them, read straight from the raster where the
 * layout allows: 8-bit samples (interleaved or not) under an sRGB {@link ComponentColorModel} without premultiplied
 * alpha (what the JPEG and PNG decoders make: {@code TYPE_3BYTE_BGR}, {@code TYPE_4BYTE_ABGR}, and the same raster
 * under an sRGB model as the render step hands it over), and the JDK's {@code TYPE_INT_RGB} and
 * {@code TYPE_INT_ARGB}. Any other layout (16-bit, grey, indexed, premultiplied, other packings) goes through
 * {@code getRGB} itself.
 *
 * <p>Why: {@code getRGB}, the bulk form too, asks the colour model pixel by pixel (a {@code getDataElements} and
 * four component look-ups a pixel), which cost as much as separating the row and, in the soft proof, as much as the
 * rest of the proof's own work. For these layouts the colour model returns the stored samples unchanged, so reading
 * them from the raster gives the same numbers ({@code ArgbRowsTest} holds every layout to {@code getRGB}).
 *
 * <p>The byte and 16-bit samples of the JDK's own interleaved rasters (what the decoders and {@code BufferedImage}
 * make) are read where they lie, in the raster's data buffer: for {@code TYPE_3BYTE_BGR}, the JPEG decoder's, the
 * raster's {@code getDataElements} reorders B, G, R sample by sample into a copy, which took as long as making the
 * ARGB from it. Any other raster goes through {@link WritableRaster#getDataElements(int, int, int, int, Object)}, so
 * rasters that make their rows as they are asked for ({@link StreamedRows}) read as any other. Not thread-safe: one
 * row of samples is kept for reuse; one instance per reader.
 */
public final class ArgbRows {

    /** How the rows are read. */
    enum Layout {
        /** 8-bit R, G, B (and A) samples in that band order, from the raster. */
        BYTES,
        /** Packed 0x??RRGGBB ints from the raster; the top byte is not alpha. */
        INT_RGB,
        /** Packed 0xAARRGGBB ints from the raster, straight alpha: already what getRGB gives. */
        INT_ARGB,
        /**
         * One table per band, from the raster's byte or 16-bit samples: sRGB or linear RGB (each channel converted on
         * its own, so the table of a channel is the model's answer for it alone), or one grey component; alpha, if
         * any, straight. The parts are ORed together.
         */
        TABLES,
        /** A palette: one sample a pixel (packed 1, 2, 4 bits, or a byte or 16 bits), the model's ARGB for it. */
        PALETTE,
        /** getRGB, the colour model pixel by pixel. */
        COLOUR_MODEL
    }

    private final BufferedImage art;
    private final WritableRaster raster;
    private final Layout layout;
    private final int bands;
    /** TABLES: each band's part of the ARGB pixel by sample value; PALETTE: tables[0] is the palette. */
    private final int[][] tables;
    /** TABLES: the alpha of a model without alpha (opaque), else 0. */
    private final int opaque;
    private byte[] bytes = new byte[0];
    private short[] shorts = new short[0];
    private int[] ints = new int[0];
    /** The raster's own byte or 16-bit samples when they are read in place (see the class comment), else null. */
    private final @Nullable Object inPlace;
    /** In place: where pixel (0, 0) starts and the steps to the next row and pixel; copied rows: 0, 0, bands. */
    private final int origin;
    private final int scanline;
    private final int pixelStride;
    /** Each band's sample from a pixel's start, in band order (R, G, B, alpha; grey, alpha). */
    private final int[] bandOffsets;

    private ArgbRows(BufferedImage art, Layout layout) {
        this.art = art;
        this.raster = art.getRaster();
        this.layout = layout;
        this.bands = raster.getNumBands();
        this.tables = switch (layout) {
            case TABLES -> bandTables(art.getColorModel());
            case PALETTE -> new int[][]{palette((IndexColorModel) art.getColorModel())};
            default -> new int[0][];
        };
        this.opaque = art.getColorModel().hasAlpha() ? 0 : 0xFF000000;
        this.inPlace = layout == Layout.BYTES || layout == Layout.TABLES ? samplesInPlace(raster) : null;
        if (inPlace != null) {
            PixelInterleavedSampleModel model = (PixelInterleavedSampleModel) raster.getSampleModel();
            this.scanline = model.getScanlineStride();
            this.pixelStride = model.getPixelStride();
            this.origin = raster.getDataBuffer().getOffset() - raster.getSampleModelTranslateY() * scanline
                    - raster.getSampleModelTranslateX() * pixelStride;
            this.bandOffsets = model.getBandOffsets();
        } else {
            this.origin = 0;
            this.scanline = 0;
            this.pixelStride = bands;
            this.bandOffsets = java.util.stream.IntStream.range(0, bands).toArray();
        }
    }

    /**
     * The samples of a raster of the JDK's own ({@code sun.awt.image}, what {@code Raster.create...} and
     * {@code BufferedImage} make: its data buffer is where its pixels are) that keeps each pixel's samples together
     * in one bank of bytes or shorts; null for any other, a subclass such as {@link StreamedRows} above all.
     */
    private static @Nullable Object samplesInPlace(WritableRaster raster) {
        if (!raster.getClass().getPackageName().equals("sun.awt.image")
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || java.util.Arrays.stream(model.getBankIndices()).anyMatch(bank -> bank != 0)) {
            return null;
        }
        // getData() makes Java2D stop caching the picture in video memory: there is none headless.
        if (raster.getDataBuffer() instanceof DataBufferByte buffer) {
            return buffer.getData();
        }
        if (raster.getDataBuffer() instanceof DataBufferUShort buffer) {
            return buffer.getData();
        }
        return null;
    }

    /** Where pixel {@code x} of row {@code y} starts in {@link #byteSamples} / {@link #shortSamples}'s array. */
    private int start(int x, int y) {
        return inPlace != null ? origin + y * scanline + x * pixelStride : 0;
    }

    /** The row's byte samples: the raster's own, or a copy of the span from index 0. */
    private byte[] byteSamples(int x, int y, int width) {
        if (inPlace != null) {
            return (byte[]) inPlace;
        }
        if (bytes.length < width * bands) {
            bytes = new byte[width * bands];
        }
        return (byte[]) raster.getDataElements(x, y, width, 1, bytes);
    }

    private short[] shortSamples(int x, int y, int width) {
        if (inPlace != null) {
            return (short[]) inPlace;
        }
        if (shorts.length < width * bands) {
            shorts = new short[width * bands];
        }
        return (short[]) raster.getDataElements(x, y, width, 1, shorts);
    }

    public static ArgbRows of(BufferedImage art) {
        return new ArgbRows(art, layoutOf(art));
    }

    public int width() {
        return art.getWidth();
    }

    public int height() {
        return art.getHeight();
    }

    /** Row {@code y}, the whole width, into {@code argb} from index 0. */
    public void read(int y, int[] argb) {
        read(0, y, art.getWidth(), argb, 0);
    }

    /**
     * Pixels {@code x} to {@code x + width - 1} of row {@code y} into {@code argb} from {@code offset}: what
     * {@code getRGB(x, y, width, 1, argb, offset, width)} gives.
     */
    public void read(int x, int y, int width, int[] argb, int offset) {
        switch (layout) {
            case BYTES -> {
                byte[] s = byteSamples(x, y, width);
                int step = pixelStride;
                int r = bandOffsets[0];
                int g = bandOffsets[1];
                int b = bandOffsets[2];
                if (bands == 4) {
                    int a = bandOffsets[3];
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        argb[offset + p] = (s[i + a] & 0xFF) << 24 | (s[i + r] & 0xFF) << 16
                                | (s[i + g] & 0xFF) << 8 | (s[i + b] & 0xFF);
                    }
                } else {
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        argb[offset + p] = 0xFF000000 | (s[i + r] & 0xFF) << 16 | (s[i + g] & 0xFF) << 8
                                | (s[i + b] & 0xFF);
                    }
                }
            }
            case INT_RGB -> {
                int[] packed = packed(x, y, width, argb, offset);
                for (int p = 0; p < width; p++) {
                    argb[offset + p] = packed[p] | 0xFF000000;
                }
            }
            case INT_ARGB -> {
                int[] packed = packed(x, y, width, argb, offset);
                if (packed != argb) {
                    System.arraycopy(packed, 0, argb, offset, width);
                }
            }
            case TABLES -> lookUp(x, y, width, argb, offset);
            case PALETTE -> lookUpPalette(x, y, width, argb, offset);
            default -> art.getRGB(x, y, width, 1, argb, offset, width);
        }
    }

    /**
     * Row {@code y}, the whole width, as 8-bit R, G, B into {@code rgb} from index 0, if the art is opaque 8-bit RGB
     * (three byte samples a pixel): the bytes of what {@link #read} gives, without the packed ARGB between. Returns
     * false, having read nothing, for any other art. Why: a one-placement process makes its canvas on one thread,
     * and unpacking the decoder's bytes into ARGB and back was about 7 % of that thread's samples under perf.
     */
    public boolean readOpaqueRgb(int y, byte[] rgb) {
        if (layout != Layout.BYTES || bands != 3) {
            return false;
        }
        int width = art.getWidth();
        if (inPlace == null && pixelStride == 3 && bandOffsets[0] == 0 && bandOffsets[1] == 1 && bandOffsets[2] == 2) {
            // R, G, B already (the streamed JPEG's ring): one copy.
            raster.getDataElements(0, y, width, 1, rgb);
            return true;
        }
        byte[] s = byteSamples(0, y, width);
        int step = pixelStride;
        int r = bandOffsets[0];
        int g = bandOffsets[1];
        int b = bandOffsets[2];
        for (int p = 0, i = start(0, y); p < width; p++, i += step) {
            rgb[3 * p] = s[i + r];
            rgb[3 * p + 1] = s[i + g];
            rgb[3 * p + 2] = s[i + b];
        }
        return true;
    }

    private void lookUp(int x, int y, int width, int[] argb, int offset) {
        int[] first = tables[0];
        int step = pixelStride;
        int o0 = bandOffsets[0];
        if (raster.getTransferType() == DataBuffer.TYPE_BYTE) {
            byte[] s = byteSamples(x, y, width);
            switch (bands) {
                case 1 -> {
                    for (int p = 0, i = start(x, y) + o0; p < width; p++, i += step) {
                        argb[offset + p] = opaque | first[s[i] & 0xFF];
                    }
                }
                case 2 -> {
                    int[] second = tables[1];
                    int o1 = bandOffsets[1];
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        argb[offset + p] = opaque | first[s[i + o0] & 0xFF] | second[s[i + o1] & 0xFF];
                    }
                }
                default -> {
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        int pixel = opaque;
                        for (int b = 0; b < bands; b++) {
                            pixel |= tables[b][s[i + bandOffsets[b]] & 0xFF];
                        }
                        argb[offset + p] = pixel;
                    }
                }
            }
        } else {
            short[] s = shortSamples(x, y, width);
            switch (bands) {
                case 1 -> {
                    for (int p = 0, i = start(x, y) + o0; p < width; p++, i += step) {
                        argb[offset + p] = opaque | first[s[i] & 0xFFFF];
                    }
                }
                case 3 -> {
                    int[] second = tables[1];
                    int[] third = tables[2];
                    int o1 = bandOffsets[1];
                    int o2 = bandOffsets[2];
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        argb[offset + p] = opaque | first[s[i + o0] & 0xFFFF] | second[s[i + o1] & 0xFFFF]
                                | third[s[i + o2] & 0xFFFF];
                    }
                }
                case 4 -> {
                    int[] second = tables[1];
                    int[] third = tables[2];
                    int[] fourth = tables[3];
                    int o1 = bandOffsets[1];
                    int o2 = bandOffsets[2];
                    int o3 = bandOffsets[3];
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        argb[offset + p] = first[s[i + o0] & 0xFFFF] | second[s[i + o1] & 0xFFFF]
                                | third[s[i + o2] & 0xFFFF] | fourth[s[i + o3] & 0xFFFF];
                    }
                }
                default -> {
                    for (int p = 0, i = start(x, y); p < width; p++, i += step) {
                        int pixel = opaque;
                        for (int b = 0; b < bands; b++) {
                            pixel |= tables[b][s[i + bandOffsets[b]] & 0xFFFF];
                        }
                        argb[offset + p] = pixel;
                    }
                }
            }
        }
    }

    private void lookUpPalette(int x, int y, int width, int[] argb, int offset) {
        int[] palette = tables[0];
        if (raster.getTransferType() == DataBuffer.TYPE_BYTE) {
            if (bytes.length < width) {
                bytes = new byte[width];
            }
            // packed 1-, 2- and 4-bit rasters hand their data elements out one pixel a byte, as wide as asked
            byte[] s = (byte[]) raster.getDataElements(x, y, width, 1, bytes);
            for (int p = 0; p < width; p++) {
                argb[offset + p] = palette[s[p] & 0xFF];
            }
        } else {
            if (shorts.length < width) {
                shorts = new short[width];
            }
            short[] s = (short[]) raster.getDataElements(x, y, width, 1, shorts);
            for (int p = 0; p < width; p++) {
                argb[offset + p] = palette[s[p] & 0xFFFF];
            }
        }
    }

    /** The raster's ints of the span: into {@code argb} itself when they start at 0 there, else a scratch row. */
    private int[] packed(int x, int y, int width, int[] argb, int offset) {
        if (offset == 0) {
            return (int[]) raster.getDataElements(x, y, width, 1, argb);
        }
        if (ints.length < width) {
            ints = new int[width];
        }
        return (int[]) raster.getDataElements(x, y, width, 1, ints);
    }

    Layout layout() {
        return layout;
    }

    /** Whether the rows are read from the raster's own samples rather than a copy (see the class comment). */
    boolean readsInPlace() {
        return inPlace != null;
    }

    private static Layout layoutOf(BufferedImage art) {
        ColorModel model = art.getColorModel();
        if (model.isAlphaPremultiplied()) {
            return Layout.COLOUR_MODEL;
        }
        switch (art.getType()) {
            case BufferedImage.TYPE_INT_RGB:
                return Layout.INT_RGB;
            case BufferedImage.TYPE_INT_ARGB:
                return Layout.INT_ARGB;
            default:
                break;
        }
        int transfer = model.getTransferType();
        boolean bytesOrShorts = transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT;
        if (model instanceof IndexColorModel && bytesOrShorts && art.getRaster().getNumBands() == 1
                && art.getRaster().getNumDataElements() == 1) {
            return Layout.PALETTE;
        }
        boolean eightBit = java.util.Arrays.stream(model.getComponentSize()).allMatch(bits -> bits == 8);
        if (model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB() && eightBit
                && model.getTransferType() == DataBuffer.TYPE_BYTE
                && (model.getNumComponents() == 3 || model.getNumComponents() == 4 && model.hasAlpha())
                && art.getRaster().getNumBands() == model.getNumComponents()) {
            return Layout.BYTES;
        }
        if (model instanceof ComponentColorModel && bytesOrShorts && channelsOnTheirOwn(model.getColorSpace())
                && art.getRaster().getNumBands() == model.getNumComponents()
                && art.getRaster().getNumDataElements() == model.getNumComponents()) {
            return Layout.TABLES;
        }
        return Layout.COLOUR_MODEL;
    }

    /**
     * Whether {@link ComponentColorModel} turns each colour sample into RGB on its own: sRGB and linear RGB (a curve
     * per channel), and any one-component (grey) space. Three-component ICC spaces mix the channels.
     */
    private static boolean channelsOnTheirOwn(ColorSpace space) {
        return space.isCS_sRGB() || space == ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB)
                || space.getNumComponents() == 1;
    }

    /**
     * Each band's part of the pixel by value, as the model gives it for a pixel whose other samples are 0 (alpha
     * full, for colour): the model reads a non-premultiplied pixel's samples one by one (the layout's condition), so
     * the parts of any pixel are these. Up to 65,536 values a band, a few milliseconds.
     */
    private static int[][] bandTables(ColorModel model) {
        int components = model.getNumComponents();
        int colours = model.getNumColorComponents();
        boolean shortSamples = model.getTransferType() == DataBuffer.TYPE_USHORT;
        int values = shortSamples ? 65_536 : 256;
        int[][] tables = new int[components][values];
        Object pixel = shortSamples ? new short[components] : new byte[components];
        for (int b = 0; b < components; b++) {
            for (int v = 0; v < values; v++) {
                clear(pixel, components);
                if (b < colours && model.hasAlpha()) {
                    set(pixel, colours, values - 1);
                }
                set(pixel, b, v);
                if (b == colours) {
                    tables[b][v] = model.getAlpha(pixel) << 24;
                } else if (colours == 1) {
                    tables[b][v] = model.getRGB(pixel) & 0x00FFFFFF;
                } else {
                    int shift = 16 - 8 * b;
                    int channel = b == 0 ? model.getRed(pixel) : b == 1 ? model.getGreen(pixel) : model.getBlue(pixel);
                    tables[b][v] = channel << shift;
                }
            }
        }
        return tables;
    }

    private static void clear(Object pixel, int components) {
        for (int c = 0; c < components; c++) {
            set(pixel, c, 0);
        }
    }

    private static void set(Object pixel, int component, int value) {
        if (pixel instanceof short[] shorts) {
            shorts[component] = (short) value;
        } else {
            ((byte[]) pixel)[component] = (byte) value;
        }
    }

    /** The model's ARGB of every value the raster can hold (its samples are masked to the pixel size by the model). */
    private static int[] palette(IndexColorModel model) {
        int values = model.getTransferType() == DataBuffer.TYPE_USHORT ? 65_536 : 256;
        int[] palette = new int[values];
        for (int v = 0; v < values; v++) {
            palette[v] = model.getRGB(v);
        }
        return palette;
    }
}
