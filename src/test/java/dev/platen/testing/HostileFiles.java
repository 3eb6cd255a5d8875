package dev.platen.testing;

import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

/** Broken and hostile files, made by the tests so that nothing found elsewhere has to be committed. */
public final class HostileFiles {

    private HostileFiles() {
    }

    public static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] truncated(byte[] file, int keep) {
        return Arrays.copyOf(file, keep);
    }

    /**
     * A well-formed PNG signature and IHDR chunk (with a correct CRC) declaring the given size, followed by a
     * tiny IDAT and IEND: a decoder that trusts the header would allocate width x height pixels.
     */
    public static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[]{0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    public static byte[] pdfWithNoPages() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A PDF written object by object, with a correct cross-reference table, so that a test can build structures
     * no PDF library would write: loops, lies and bombs. Objects are numbered from 1 in the order given; the
     * first is the catalog.
     */
    public static byte[] rawPdf(List<byte[]> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    /** A stream object: dictionary entries (without Length), then the data as given. */
    public static byte[] pdfStream(String dictionaryEntries, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("<< " + dictionaryEntries + " /Length " + data.length + " >>\nstream\n"));
        out.writeBytes(data);
        out.writeBytes(ascii("\nendstream"));
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A one-page PDF whose page content is the given stream object (object 4). */
    public static byte[] pdfWithContent(byte[] contentStreamObject, byte[]... moreObjects) {
        List<byte[]> objects = new ArrayList<>(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
                        + (moreObjects.length > 0 ? " /Resources << /XObject << /X1 5 0 R >> >>" : "") + " >>"),
                contentStreamObject));
        objects.addAll(List.of(moreObjects));
        return rawPdf(objects);
    }

    /**
     * A decompression bomb that gets past PDFBox's removal of repeated filters: the page content is
     * {@code [/FlateDecode /LZWDecode /RunLengthDecode]}, three different filters, each multiplying what the one
     * before gave. Run-length data repeats a byte 128 times per 2 bytes, LZW of that repeating pattern gains a
     * thousandfold, and its output repeats block for block, which Flate folds into a few hundred bytes: a file of
     * well under a kilobyte whose content stream decodes to {@code decodedBytes} spaces.
     */
    public static byte[] pdfContentBomb(long decodedBytes) {
        long runs = decodedBytes / 128;
        // RunLengthDecode: a length byte 257 - n (here 129) repeats the next byte n = 128 times.
        byte[] lzw = lzwRepeated(new byte[]{(byte) 129, ' '}, runs);
        return pdfWithContent(pdfStream("/Filter [/FlateDecode /LZWDecode /RunLengthDecode]", deflate(lzw)));
    }

    /**
     * LZW as PDF's LZWDecode reads it (ISO 32000-1, 7.4.4; EarlyChange 1): 9- to 12-bit codes, 256 clears the
     * table, 257 ends the data. The table is cleared at the same point every time, chosen so that each block
     * between clears is a whole number of bytes and of patterns: then every block is byte for byte the same, and
     * Flate stores the repeats as back-references.
     */
    static byte[] lzwRepeated(byte[] pattern, long times) {
        int clearAt = alignedClearPoint(pattern);
        BitWriter out = new BitWriter();
        // The table as an array indexed by (code << 8 | byte), 0 for no entry (codes start at 258): a bomb's
        // content is tens of millions of bytes, each one lookup. A HashMap of Integer keys put most of these keys
        // into a few dozen buckets (their low bits are the pattern's two bytes) and took seconds of the corpus run.
        int[] table = new int[4096 << 8];
        int[] added = new int[4096];
        int entries = 0;
        int next = 258;
        int width = 9;
        int w = -1;
        long total = pattern.length * times;
        for (long i = 0; i < total; i++) {
            int c = Byte.toUnsignedInt(pattern[(int) (i % pattern.length)]);
            if (w < 0) {
                w = c;
                continue;
            }
            int known = table[w << 8 | c];
            if (known != 0) {
                w = known;
                continue;
            }
            out.write(w, width);
            table[w << 8 | c] = next++;
            added[entries++] = w << 8 | c;
            // The reader adds its table entry one code later than the writer, and widens at 511, 1023, 2047.
            width = lzwWidth(next - 1);
            if (next >= clearAt) {
                out.write(256, width);
                for (int e = 0; e < entries; e++) {
                    table[added[e]] = 0;
                }
                entries = 0;
                next = 258;
                width = 9;
            }
            w = c;
        }
        out.write(w, width);
        out.write(257, lzwWidth(next));
        return out.bytes();
    }

    /** The table size at which to clear so that a block of codes ends on a byte and a pattern boundary. */
    private static int alignedClearPoint(byte[] pattern) {
        java.util.HashMap<Integer, Integer> table = new java.util.HashMap<>();
        int next = 258;
        int width = 9;
        long bits = 0;
        int w = Byte.toUnsignedInt(pattern[0]);
        for (long i = 1; next < 4090; i++) {
            int c = Byte.toUnsignedInt(pattern[(int) (i % pattern.length)]);
            Integer known = table.get(w << 8 | c);
            if (known != null) {
                w = known;
                continue;
            }
            bits += width;
            table.put(w << 8 | c, next++);
            width = lzwWidth(next - 1);
            // clearing here: the clear code, and the block's bytes end at input position i (exclusive)
            if (next > 300 && (bits + width) % 8 == 0 && i % pattern.length == 0) {
                return next;
            }
            w = c;
        }
        return 4000;
    }

    private static int lzwWidth(int tableSize) {
        int size = tableSize + 1;
        return size >= 2048 ? 12 : size >= 1024 ? 11 : size >= 512 ? 10 : 9;
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long buffer;
        private int bits;

        void write(int code, int width) {
            buffer = buffer << width | code;
            bits += width;
            while (bits >= 8) {
                out.write((int) (buffer >>> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }

        byte[] bytes() {
            if (bits > 0) {
                out.write((int) (buffer << (8 - bits)) & 0xFF);
                bits = 0;
            }
            return out.toByteArray();
        }
    }

    /**
     * The small bomb: {@code decodedBytes} zero bytes deflated three times over, declared as
     * {@code [/FlateDecode /FlateDecode /FlateDecode]}: a PDF of under a kilobyte (837 bytes for 2 GiB) whose
     * content stream decodes to gigabytes as the filter array says. (PDFBox itself drops the repeated filters and
     * reads garbage; a reader that follows the specification inflates it.)
     */
    public static byte[] pdfNestedFlateBomb(long decodedBytes) {
        byte[] once = deflatedZeros(decodedBytes);
        return pdfWithContent(pdfStream("/Filter [/FlateDecode /FlateDecode /FlateDecode]",
                deflate(deflate(once))));
    }

    /**
     * A zlib stream (RFC 1950) of {@code length} zero bytes, made without zlib reading them all (2 GiB of zeros
     * took zlib 5.4 s, the longest part of building the malformed corpus): a chunk of zeros deflated raw and ended
     * with a sync flush, then the same chunk deflated again with a window of zeros before it, repeated (with the
     * same window and the same data zlib writes the same bytes, as the blocks of a parallel gzip are made), what is
     * left over, an empty final block and the Adler-32 of the zeros (its first sum stays 1, its second adds 1 for
     * each byte).
     */
    public static byte[] deflatedZeros(long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x78, (byte) 0xDA}); // deflate, 32 KiB window, best compression
        long chunks = length / ZERO_CHUNK;
        if (chunks > 0) {
            out.writeBytes(rawZeros(ZERO_CHUNK, false));
        }
        if (chunks > 1) {
            byte[] again = rawZeros(ZERO_CHUNK, true);
            for (long i = 1; i < chunks; i++) {
                out.writeBytes(again);
            }
        }
        int rest = (int) (length % ZERO_CHUNK);
        if (rest > 0) {
            out.writeBytes(rawZeros(rest, chunks > 0));
        }
        out.writeBytes(new byte[] {0x03, 0x00}); // a final fixed-Huffman block of nothing but its end code
        long adler = (length % 65521) << 16 | 1;
        out.writeBytes(new byte[] {(byte) (adler >>> 24), (byte) (adler >>> 16), (byte) (adler >>> 8), (byte) adler});
        return out.toByteArray();
    }

    private static final int ZERO_CHUNK = 16 << 20;

    /** {@code length} zeros deflated raw, ended with a sync flush; after a window of zeros if {@code afterZeros}. */
    private static byte[] rawZeros(int length, boolean afterZeros) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            if (afterZeros) {
                deflater.setDictionary(new byte[32 * 1024]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] zeros = new byte[65536];
            byte[] buffer = new byte[65536];
            for (int left = length; left > 0; left -= zeros.length) {
                deflater.setInput(zeros, 0, Math.min(zeros.length, left));
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            int n;
            do { // a sync flush is complete when it leaves room in the buffer (Deflater.deflate's contract)
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A page tree whose root lists itself as its only kid, and claims one page. */
    public static byte[] pdfCyclicPageTree() {
        return rawPdf(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>")));
    }

    /** A page that draws Form XObject /X1, which draws /X2, which draws /X1 again. */
    public static byte[] pdfCyclicForms() {
        return pdfWithContent(pdfStream("", ascii("q /X1 Do Q")),
                pdfStream("/Type /XObject /Subtype /Form /BBox [0 0 200 200] "
                        + "/Resources << /XObject << /X2 6 0 R >> >>", ascii("q 0.9 0 0 0.9 0 0 cm /X2 Do Q")),
                pdfStream("/Type /XObject /Subtype /Form /BBox [0 0 200 200] "
                        + "/Resources << /XObject << /X1 5 0 R >> >>", ascii("q 0.9 0 0 0.9 0 0 cm /X1 Do Q")));
    }

    /** Arrays nested {@code depth} deep in the page dictionary. */
    public static byte[] pdfDeepNesting(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        return rawPdf(List.of(
                ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Deep " + nested + " >>")));
    }

    /**
     * An inline image declaring 10 x 10 px whose data inflates to {@code decodedBytes}: PDFBox decodes inline
     * images whole into memory when the content stream reaches them.
     */
    public static byte[] pdfInlineImageBomb(long decodedBytes) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(ascii("q 100 0 0 100 0 0 cm\nBI /W 10 /H 10 /BPC 8 /CS /RGB /F /Fl ID\n"));
        content.writeBytes(deflatedZeros(decodedBytes));
        content.writeBytes(ascii("\nEI\nQ"));
        return pdfWithContent(pdfStream("", content.toByteArray()));
    }
}
