package dev.platen.artwork;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

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
 * <p>Rows go through {@link WritableRaster#getDataElements(int, int, int, int, Object)}, never the data buffer, so
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
        /** getRGB, the colour model pixel by pixel. */
        COLOUR_MODEL
    }

    private final BufferedImage art;
    private final WritableRaster raster;
    private final Layout layout;
    private final int bands;
    private byte[] bytes = new byte[0];
    private int[] ints = new int[0];

    private ArgbRows(BufferedImage art, Layout layout) {
        this.art = art;
        this.raster = art.getRaster();
        this.layout = layout;
        this.bands = raster.getNumBands();
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
                int n = width * bands;
                if (bytes.length < n) {
                    bytes = new byte[n];
                }
                raster.getDataElements(x, y, width, 1, bytes);
                if (bands == 4) {
                    for (int p = 0, i = 0; p < width; p++, i += 4) {
                        argb[offset + p] = (bytes[i + 3] & 0xFF) << 24 | (bytes[i] & 0xFF) << 16
                                | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
                    }
                } else {
                    for (int p = 0, i = 0; p < width; p++, i += 3) {
                        argb[offset + p] = 0xFF000000 | (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8
                                | (bytes[i + 2] & 0xFF);
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
            default -> art.getRGB(x, y, width, 1, argb, offset, width);
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
        boolean eightBit = java.util.Arrays.stream(model.getComponentSize()).allMatch(bits -> bits == 8);
        if (model instanceof ComponentColorModel && model.getColorSpace().isCS_sRGB() && eightBit
                && model.getTransferType() == DataBuffer.TYPE_BYTE
                && (model.getNumComponents() == 3 || model.getNumComponents() == 4 && model.hasAlpha())
                && art.getRaster().getNumBands() == model.getNumComponents()) {
            return Layout.BYTES;
        }
        return Layout.COLOUR_MODEL;
    }
}
