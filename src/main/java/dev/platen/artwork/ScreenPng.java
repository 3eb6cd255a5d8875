package dev.platen.artwork;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A screen image (a proof, a preview) as a PNG for the browser: 8-bit RGB, or RGBA when the image has alpha,
 * every row with the Sub filter (each byte less the same channel of the pixel before it), deflated by the JDK's
 * zlib at level 1, by a Huffman code alone unless the image is mostly long runs (flat art, a logo's transparent
 * surround), where string matches take those runs to almost nothing.
 *
 * <p>Why not ImageIO's PNG writer: it tries every filter on every row and deflates with string matches, which on a
 * 16 MP placement's four proof images (8.4 million pixels) took 424 ms of the soft proof's 1.4 s and came to 8.4 MB;
 * this takes 150 ms and comes to 6.0 MB (Sub-filtered photographs are noise around zero, which matches do not help,
 * as in the print files). Any PNG decoder reads it: the format's own filter and zlib stream, nothing else.
 *
 * <p>Here, with the art, because the art's review preview ({@link ArtPreviews}) is written with it as the proof
 * images are.
 */
public final class ScreenPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int SUB = 1;
    /** A run of this many equal filtered bytes is "long"; see {@link #strategyFor}. */
    private static final int LONG_RUN = 8;

    private ScreenPng() {
    }

    public static byte[] of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int channels = alpha ? 4 : 3;
        ArgbRows rows = ArgbRows.of(image);
        int[] argb = new int[width];
        byte[] row = new byte[1 + width * channels];
        try {
            Deflater deflater = new Deflater(1);
            deflater.setStrategy(strategyFor(rows, width, height, channels));
            ByteArrayOutputStream data = new ByteArrayOutputStream(width * height + 1024);
            try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
                for (int y = 0; y < height; y++) {
                    filtered(rows, y, argb, row, channels);
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
            byte[] idat = data.toByteArray();

            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(8);                // bits per sample
            h.writeByte(alpha ? 6 : 2);    // colour type: RGBA or RGB
            h.writeBytes("\0\0\0");        // deflate, adaptive filtering, no interlace

            ByteArrayOutputStream png = new ByteArrayOutputStream(idat.length + 64);
            DataOutputStream out = new DataOutputStream(png);
            out.write(SIGNATURE);
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", idat);
            chunk(out, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory", e);
        }
    }

    /** Row {@code y} as PNG stores it: the Sub filter's type byte, then each sample less the one a pixel before. */
    private static void filtered(ArgbRows rows, int y, int[] argb, byte[] row, int channels) {
        rows.read(y, argb);
        row[0] = SUB;
        int previous = 0; // the pixel left of the first is zero in every channel (PNG 1.2, section 6.3)
        for (int x = 0, at = 1; x < argb.length; x++) {
            int p = argb[x];
            row[at++] = (byte) ((p >> 16) - (previous >> 16));
            row[at++] = (byte) ((p >> 8) - (previous >> 8));
            row[at++] = (byte) (p - previous);
            if (channels == 4) {
                row[at++] = (byte) ((p >>> 24) - (previous >>> 24));
            }
            previous = p;
        }
    }

    /**
     * Huffman alone, unless more than half of a sample of the filtered rows (every 16th) lies in runs of at least
     * {@link #LONG_RUN} equal bytes: the rule the print files' blocks are coded by.
     */
    private static int strategyFor(ArgbRows rows, int width, int height, int channels) {
        int[] argb = new int[width];
        byte[] row = new byte[1 + width * channels];
        long sampled = 0;
        long inLongRuns = 0;
        for (int y = 0; y < height; y += 16) {
            filtered(rows, y, argb, row, channels);
            int runStart = 1;
            for (int i = 2; i <= row.length; i++) {
                if (i == row.length || row[i] != row[runStart]) {
                    if (i - runStart >= LONG_RUN) {
                        inLongRuns += i - runStart;
                    }
                    runStart = i;
                }
            }
            sampled += row.length - 1;
        }
        return 2 * inLongRuns > sampled ? Deflater.DEFAULT_STRATEGY : Deflater.HUFFMAN_ONLY;
    }

    /** A PNG chunk: length, type, data, and the CRC-32 of type and data. */
    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
