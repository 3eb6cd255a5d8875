package dev.platen.artwork;

import dev.platen.color.InkValues;
import org.jspecify.annotations.Nullable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The ImageIO side of raster artwork: the decoder's own view of the stored size, and decoding the first frame.
 * TwelveMonkeys readers (JPEG, TIFF, WebP) register ahead of the JDK's and are the ones picked; PNG is the JDK's.
 */
final class RasterCodec {

    record StoredSize(int width, int height) {
    }

    private RasterCodec() {
    }

    /** Asks the decoder for the first image's size: it reads the headers only. */
    static StoredSize storedSize(Path file, ArtworkFormat format) throws IOException {
        try (ImageInputStream in = new GuardedImageInput(file)) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, false, true);
                return new StoredSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The first image as decoded, with the warnings the decoder raised on the way (each once, in order). */
    record Frame(BufferedImage image, List<String> warnings) {

        /** The first warning that says the image data stopped early, if any ({@link #isTruncation}). */
        java.util.Optional<String> truncation() {
            return warnings.stream().filter(RasterCodec::isTruncation).findFirst();
        }
    }

    /**
     * Decodes every pixel of the first image and keeps its warnings. A JPEG cut short does not fail in ImageIO:
     * libjpeg fills the rest with grey and only warns ("Premature end of JPEG file"), TwelveMonkeys reports a
     * missing EOI marker; the caller turns that warning into a {@link Finding#TRUNCATED_IMAGE} finding. A decoder
     * that cannot make a picture at all throws, and that stays a rejection.
     */
    static Frame decodeFirstFrame(Path file, ArtworkFormat format) throws IOException {
        List<String> warnings = new ArrayList<>();
        BufferedImage image = read(file, format, warnings);
        return new Frame(image, warnings.stream().distinct().toList());
    }

    /**
     * Decodes a four-component JPEG to its ink values (0 = no ink), never through RGB. The decoder's raster is
     * taken as it comes out of the DCT (TwelveMonkeys' {@code readRaster} converts nothing), and the JPEG's own
     * coding is undone here as libjpeg-based tools do it:
     * <ul>
     *   <li>Adobe APP14 transform 0: CMYK stored inverted by Adobe's writers (255 = no ink): ink = 255 - sample;</li>
     *   <li>Adobe APP14 transform 2, YCCK (and 1, which libjpeg and TwelveMonkeys also read as YCCK on four
     *       components): Y, Cb, Cr give the inverted C, M, Y as JFIF's YCbCr gives R, G, B
     *       (ITU-R BT.601 full range), K is stored inverted: C = R, M = G, Y = B, K = 255 - sample;</li>
     *   <li>no Adobe segment: inverted too. A JPEG has no other way to say what four components mean; Photoshop
     *       writes every CMYK JPEG inverted, and ImageMagick and the browsers (Skia) read them all so. The JDK's
     *       writer, given a four-band raster, writes the bytes it is given with no marker at all.</li>
     * </ul>
     * Why not the decoder's own CMYK: TwelveMonkeys 3.14 inverts plain Adobe CMYK only on its way to RGB and, for
     * untagged CMYK, writes its naive RGB into the four CMYK bands (K = 255 everywhere); ImageMagick (libjpeg)
     * reads the corpus's CMYK and YCCK files to the values this gives.
     */
    static Frame decodeCmykJpeg(Path file, int adobeTransform) throws IOException {
        List<String> warnings = new ArrayList<>();
        java.awt.image.Raster raw;
        try (ImageInputStream in = new GuardedImageInput(file)) {
            ImageReader reader = readerFor(in, ArtworkFormat.JPEG);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                raw = reader.readRaster(0, null);
            } finally {
                reader.dispose();
            }
        }
        if (raw.getNumBands() != 4 || raw.getTransferType() != java.awt.image.DataBuffer.TYPE_BYTE) {
            throw new IIOException("a CMYK JPEG decoded to " + raw.getNumBands() + " bands");
        }
        int w = raw.getWidth();
        int h = raw.getHeight();
        java.awt.image.WritableRaster inks = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        int[] row = new int[w * 4];
        for (int y = 0; y < h; y++) {
            raw.getPixels(raw.getMinX(), raw.getMinY() + y, w, 1, row);
            for (int i = 0; i < row.length; i += 4) {
                if (adobeTransform >= 1) {
                    double luma = row[i];
                    double cb = row[i + 1] - 128.0;
                    double cr = row[i + 2] - 128.0;
                    row[i] = clamp(luma + 1.402 * cr);
                    row[i + 1] = clamp(luma - 0.344136 * cb - 0.714136 * cr);
                    row[i + 2] = clamp(luma + 1.772 * cb);
                    row[i + 3] = 255 - row[i + 3];
                } else {
                    row[i] = 255 - row[i];
                    row[i + 1] = 255 - row[i + 1];
                    row[i + 2] = 255 - row[i + 2];
                    row[i + 3] = 255 - row[i + 3];
                }
            }
            inks.setPixels(0, y, w, 1, row);
        }
        return new Frame(InkValues.image(inks), warnings.stream().distinct().toList());
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage read(Path file, ArtworkFormat format, List<String> warnings) throws IOException {
        try (ImageInputStream in = new GuardedImageInput(file)) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                if (format == ArtworkFormat.JPEG) {
                    return readJpegInRgbOrder(reader);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * A colour JPEG decoded into R, G, B byte order, then reordered in place to the {@code TYPE_3BYTE_BGR} image the
     * decoder would have made: the same samples, a fifth less time. The JDK's JPEG decoder (which TwelveMonkeys hands
     * colour JPEGs to) writes each decoded row, in R, G, B order, into the destination with {@code Raster.setRect};
     * into its default {@code TYPE_3BYTE_BGR} the band orders differ, and the JDK copies that row sample by sample
     * through two temporary arrays, where into a destination in the row's own order it copies with
     * {@code System.arraycopy}. Swapping R and B of every pixel afterwards is one pass over bytes. (A 4224 x 3168
     * progressive photo: 660 ms against 505 ms.) Every reader of decoded art then sees the JDK's standard type, as
     * before. Grey and four-component JPEGs, and any image the decoder would not make as {@code TYPE_3BYTE_BGR},
     * are decoded as the decoder chooses; so is one whose decoder returns another image than the one it was given.
     */
    private static BufferedImage readJpegInRgbOrder(ImageReader reader) throws IOException {
        Iterator<javax.imageio.ImageTypeSpecifier> types = reader.getImageTypes(0);
        javax.imageio.ImageTypeSpecifier chosen = types.hasNext() ? types.next() : null;
        if (chosen == null || chosen.getBufferedImageType() != BufferedImage.TYPE_3BYTE_BGR) {
            return reader.read(0);
        }
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        java.awt.image.ColorModel srgb = chosen.getColorModel();
        java.awt.image.WritableRaster rgb = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, width, height, width * 3, 3, new int[] {0, 1, 2}, null);
        BufferedImage destination = new BufferedImage(srgb, rgb, false, null);
        javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(destination);
        BufferedImage decoded = reader.read(0, param);
        if (decoded != destination) {
            return decoded;
        }
        byte[] samples = ((java.awt.image.DataBufferByte) rgb.getDataBuffer()).getData();
        for (int i = 0; i + 2 < samples.length; i += 3) {
            byte red = samples[i];
            samples[i] = samples[i + 2];
            samples[i + 2] = red;
        }
        java.awt.image.WritableRaster bgr = java.awt.image.Raster.createInterleavedRaster(rgb.getDataBuffer(),
                width, height, width * 3, 3, new int[] {2, 1, 0}, null);
        return new BufferedImage(srgb, bgr, false, null);
    }

    /**
     * Picks the reader for the format the magic bytes decided, asking each candidate whether it can decode the
     * stream, so a reader never gets input it did not recognise.
     */
    private static ImageReader readerFor(ImageInputStream in, ArtworkFormat format) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.wireName());
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getOriginatingProvider() == null || reader.getOriginatingProvider().canDecodeInput(in)) {
                return reader;
            }
            reader.dispose();
        }
        throw new IIOException("No " + format.wireName() + " decoder accepts this file");
    }

    /**
     * The wording libjpeg ("Premature end of JPEG file"), TwelveMonkeys ("Truncated File - Missing EOI marker")
     * and the JDK's inflater ("Unexpected end of ZLIB input stream") use for image data that stops early.
     * Warnings about the ICC profile ("Truncated ICC Profile data") concern the profile, not the pixels.
     */
    static boolean isTruncation(@Nullable String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("icc")) {
            return false;
        }
        return m.contains("premature end") || m.contains("missing eoi") || m.contains("unexpected end")
                || m.contains("end of stream") || m.contains("end of file");
    }
}
