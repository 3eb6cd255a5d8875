package dev.platen.artwork;

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

    /** What ImageIO decoded: stored size (before orientation) and the warnings the decoder raised. */
    record Decoded(int storedWidth, int storedHeight, List<String> warnings) {
    }

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

    /**
     * Decodes every pixel of the first image. A JPEG cut short does not fail in ImageIO: libjpeg fills the rest
     * with grey and only warns ("Premature end of JPEG file"), so such warnings are turned into truncation here.
     */
    static Decoded decodeFirstFrame(Path file, ArtworkFormat format) throws IOException {
        List<String> warnings = new ArrayList<>();
        BufferedImage image = read(file, format, warnings);
        return new Decoded(image.getWidth(), image.getHeight(), warnings.stream().distinct().toList());
    }

    /** Decodes the first image and keeps it (for printing), with the same truncation check. */
    static BufferedImage decodeImage(Path file, ArtworkFormat format) throws IOException {
        return read(file, format, new ArrayList<>());
    }

    private static BufferedImage read(Path file, ArtworkFormat format, List<String> warnings) throws IOException {
        try (ImageInputStream in = new GuardedImageInput(file)) {
            ImageReader reader = readerFor(in, format);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                for (String warning : warnings) {
                    if (isTruncation(warning)) {
                        throw ArtworkRejected.truncated("The image data ends early: " + warning, null);
                    }
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
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
    static boolean isTruncation(String message) {
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
