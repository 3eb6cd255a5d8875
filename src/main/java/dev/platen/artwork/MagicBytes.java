package dev.platen.artwork;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decides the artwork format from the first bytes of the file. File names and declared content types are never
 * consulted: customers rename files, and browsers guess content types from the name.
 */
final class MagicBytes {

    /** PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-1, implementation note 13). */
    static final int PDF_HEADER_WINDOW = 1024;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private MagicBytes() {
    }

    /** @param start the beginning of the file (any length; shorter files simply match fewer formats) */
    static Optional<ArtworkFormat> formatOf(ByteBuffer start) {
        ByteBuffer b = start.duplicate();
        if (startsWith(b, 0, (byte) 0xFF, (byte) 0xD8, (byte) 0xFF)) {
            return Optional.of(ArtworkFormat.JPEG);
        }
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return Optional.of(ArtworkFormat.PNG);
        }
        // Classic TIFF (42) and BigTIFF (43), in either byte order.
        if (startsWith(b, 0, (byte) 'I', (byte) 'I', (byte) 42, (byte) 0)
                || startsWith(b, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 42)
                || startsWith(b, 0, (byte) 'I', (byte) 'I', (byte) 43, (byte) 0)
                || startsWith(b, 0, (byte) 'M', (byte) 'M', (byte) 0, (byte) 43)) {
            return Optional.of(ArtworkFormat.TIFF);
        }
        if (startsWith(b, 0, (byte) 'R', (byte) 'I', (byte) 'F', (byte) 'F')
                && startsWith(b, 8, (byte) 'W', (byte) 'E', (byte) 'B', (byte) 'P')) {
            return Optional.of(ArtworkFormat.WEBP);
        }
        int window = Math.min(b.limit(), PDF_HEADER_WINDOW);
        for (int i = 0; i + PDF_HEADER.length <= window; i++) {
            if (startsWith(b, i, PDF_HEADER)) {
                return Optional.of(ArtworkFormat.PDF);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(ByteBuffer b, int at, byte... expected) {
        if (b.limit() < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (b.get(at + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
