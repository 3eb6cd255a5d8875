package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.encode;
import static dev.platen.artwork.ArtworkFiles.noise;
import static dev.platen.testing.HostileFiles.ascii;
import static dev.platen.testing.HostileFiles.pdfStream;
import static dev.platen.testing.HostileFiles.pdfWithContent;

import dev.platen.testing.HostileFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Malformed artwork made on the spot: every format cut at many offsets, header bits flipped, sizes declared far
 * beyond the data, and the named hostile shapes (bombs, loops, lying counts and profiles). Nothing is read from
 * outside the project; the WebP bases are the project's own fixtures.
 */
public final class MalformedCorpus {

    /** An answer that is not a rejection: the file is readable and is taken, with findings where they apply. */
    public static final String ACCEPTED = "ACCEPTED";

    /**
     * @param expected the answers allowed (codes, or {@link #ACCEPTED}); empty when any 4xx or acceptance will do,
     *                 as for cuts and flips, where some land in places a reader rightly skips
     */
    public record Case(String name, byte[] bytes, Set<String> expected) {
    }

    private MalformedCorpus() {
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        BufferedImage rgb = noise(64, 48, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = encode(rgb, "jpg");
        byte[] png = encode(rgb, "png");
        byte[] tiff = tiff(rgb);
        byte[] webp = fixture("webp_lossy_48x32.webp");
        byte[] webpLossless = fixture("webp_lossless_alpha_48x32.webp");
        byte[] pdf = HostileFiles.pdfWithContent(pdfStream("", ascii("0 0 m 100 100 l S")));
        List<Case> bases = List.of(new Case("jpeg", jpeg, Set.of()), new Case("png", png, Set.of()),
                new Case("tiff", tiff, Set.of()), new Case("webp", webp, Set.of()),
                new Case("webp-lossless", webpLossless, Set.of()), new Case("pdf", pdf, Set.of()));
        for (Case base : bases) {
            truncations(base, cases);
            bitFlips(base, cases);
        }
        hostile(cases, jpeg, png, tiff);
        return cases;
    }

    /** Every offset in the first 64 bytes (the headers), then 40 offsets spread over the rest. */
    private static void truncations(Case base, List<Case> cases) {
        int length = base.bytes().length;
        java.util.TreeSet<Integer> offsets = new java.util.TreeSet<>();
        for (int i = 0; i < Math.min(64, length); i++) {
            offsets.add(i);
        }
        for (int i = 1; i < 40; i++) {
            offsets.add((int) ((long) length * i / 40));
        }
        offsets.add(length - 1);
        for (int keep : offsets) {
            cases.add(new Case(base.name() + "-cut-at-" + keep, java.util.Arrays.copyOf(base.bytes(), keep),
                    Set.of()));
        }
    }

    /** One bit flipped in each of the first 96 bytes, the bit chosen by a seeded dice. */
    private static void bitFlips(Case base, List<Case> cases) {
        Random dice = new Random(base.name().hashCode());
        for (int at = 0; at < Math.min(96, base.bytes().length); at++) {
            byte[] flipped = base.bytes().clone();
            int bit = dice.nextInt(8);
            flipped[at] ^= (byte) (1 << bit);
            cases.add(new Case(base.name() + "-flip-" + at + "." + bit, flipped, Set.of()));
        }
    }

    private static void hostile(List<Case> cases, byte[] jpeg, byte[] png, byte[] tiff) {
        Set<String> tooLarge = Set.of("IMAGE_TOO_LARGE");
        cases.add(new Case("png-ihdr-50000x50000", HostileFiles.pngDeclaring(50_000, 50_000), tooLarge));
        cases.add(new Case("png-ihdr-65536x65536", HostileFiles.pngDeclaring(65_536, 65_536), tooLarge));
        cases.add(new Case("jpeg-sof-65535x65535", jpegFrame(jpeg, 65_535, 65_535), tooLarge));
        // Within the pixel limit (280 MP) but not the heap's: refused before the decoder allocates, or, where
        // the heap is large enough to try, cut short by the missing data.
        cases.add(new Case("jpeg-sof-20000x14000-on-tiny-data", jpegFrame(jpeg, 20_000, 14_000),
                Set.of("IMAGE_TOO_LARGE", "TRUNCATED_IMAGE")));
        cases.add(new Case("tiff-width-2147483647", tiffTag(tiff, 256, 4, 1, Integer.MAX_VALUE), tooLarge));
        cases.add(new Case("tiff-strip-offsets-count-2147483647", tiffTag(tiff, 273, 4, Integer.MAX_VALUE, 8),
                Set.of("TRUNCATED_IMAGE", "CORRUPT_IMAGE")));
        cases.add(new Case("tiff-65535-directory-entries", tiffEntryCount(tiff, 65_535), Set.of("CORRUPT_IMAGE",
                "TRUNCATED_IMAGE")));
        cases.add(new Case("webp-vp8x-canvas-16777216-squared", webpCanvas(fixture("webp_lossy_48x32.webp")),
                tooLarge));
        // Exif with absurd counts: the picture is fine, its Exif block is ignored with a finding.
        cases.add(new Case("jpeg-exif-65535-entries", ArtworkFiles.afterSoi(jpeg, exif(65_535, 3, 1)),
                Set.of(ACCEPTED)));
        cases.add(new Case("jpeg-exif-orientation-count-2147483647",
                ArtworkFiles.afterSoi(jpeg, exif(1, 3, Integer.MAX_VALUE)), Set.of(ACCEPTED)));
        // An ICC profile whose header claims 100 MB: the pixels are fine, the profile is reported and ignored.
        cases.add(new Case("jpeg-icc-header-claims-100MB", ArtworkFiles.afterSoi(jpeg, iccSegment(lyingProfile())),
                Set.of(ACCEPTED)));
        cases.add(new Case("png-iccp-header-claims-100MB", ArtworkFiles.afterIhdr(png,
                ArtworkFiles.pngChunk("iCCP", iccp(lyingProfile()))), Set.of(ACCEPTED)));
        cases.add(new Case("pdf-500-bytes-declaring-2GiB", HostileFiles.pdfNestedFlateBomb(2L << 30),
                Set.of("PDF_DECODED_TOO_LARGE")));
        cases.add(new Case("pdf-flate-lzw-runlength-1GiB", HostileFiles.pdfContentBomb(1L << 30),
                Set.of("PDF_DECODED_TOO_LARGE")));
        cases.add(new Case("pdf-inline-image-10x10-inflating-to-256MiB", HostileFiles.pdfInlineImageBomb(256L << 20),
                Set.of("PDF_DECODED_TOO_LARGE")));
        cases.add(new Case("pdf-cyclic-page-tree", HostileFiles.pdfCyclicPageTree(), Set.of("PDF_CYCLIC_PAGE_TREE")));
        // Readable: the page draws, the loop is cut at the nesting limit and said so in a finding.
        cases.add(new Case("pdf-forms-drawing-each-other", HostileFiles.pdfCyclicForms(), Set.of(ACCEPTED)));
        cases.add(new Case("pdf-arrays-nested-200-deep", HostileFiles.pdfDeepNesting(200), Set.of("PDF_TOO_DEEP")));
        cases.add(new Case("pdf-image-declaring-100000x100000", pdfWithContent(
                pdfStream("", ascii("q 100 0 0 100 0 0 cm /X1 Do Q")),
                pdfStream("/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /BitsPerComponent 8 "
                        + "/ColorSpace /DeviceRGB", new byte[300])), tooLarge));
        cases.add(new Case("empty", new byte[0], Set.of("EMPTY_FILE")));
        cases.add(new Case("random-bytes", HostileFiles.randomBytes(4096, 7), Set.of("UNSUPPORTED_FORMAT")));
    }

    // ---- byte surgery

    private static byte[] jpegFrame(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        int sof = ArtworkFiles.indexOf(copy, new byte[]{(byte) 0xFF, (byte) 0xC0});
        ByteBuffer.wrap(copy).putShort(sof + 5, (short) height).putShort(sof + 7, (short) width);
        return copy;
    }

    /** Sets a tag of the first IFD of a little- or big-endian classic TIFF to the given type, count and value. */
    private static byte[] tiffTag(byte[] tiff, int tag, int type, int count, int value) {
        byte[] copy = tiff.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int entries = Short.toUnsignedInt(b.getShort(ifd));
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (Short.toUnsignedInt(b.getShort(entry)) == tag) {
                b.putShort(entry + 2, (short) type).putInt(entry + 4, count).putInt(entry + 8, value);
                return copy;
            }
        }
        throw new IllegalArgumentException("tag " + tag + " not in the first IFD");
    }

    private static byte[] tiffEntryCount(byte[] tiff, int count) {
        byte[] copy = tiff.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(copy[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.putShort(b.getInt(4), (short) count);
        return copy;
    }

    /** Turns a simple lossy WebP into an extended one whose VP8X canvas is 2^24 x 2^24. */
    private static byte[] webpCanvas(byte[] simple) {
        ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
        vp8x.put(ascii("VP8X")).putInt(10).put((byte) 0).put(new byte[3]);
        vp8x.put(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}).put(new byte[]{(byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(simple, 0, 12);
        out.writeBytes(vp8x.array());
        out.write(simple, 12, simple.length - 12);
        byte[] bytes = out.toByteArray();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, bytes.length - 8);
        return bytes;
    }

    /** An APP1 Exif segment whose IFD0 declares {@code entries} entries, the first an Orientation of the count. */
    private static byte[] exif(int entries, int type, int count) {
        ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        tiff.put(ascii("Exif\0\0"));
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) entries);
        tiff.putShort((short) 0x0112).putShort((short) type).putInt(count).putShort((short) 6).putShort((short) 0);
        tiff.putInt(0);
        return ArtworkFiles.jpegSegment(0xE1, tiff.array());
    }

    private static byte[] lyingProfile() {
        byte[] profile = dev.platen.color.ColorProfile.srgb().bytes();
        ByteBuffer.wrap(profile).putInt(0, 100_000_000);
        return profile;
    }

    private static byte[] iccSegment(byte[] profile) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("ICC_PROFILE\0"));
        body.write(1);
        body.write(1);
        body.writeBytes(profile);
        return ArtworkFiles.jpegSegment(0xE2, body.toByteArray());
    }

    private static byte[] iccp(byte[] profile) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("lying\0\0"));
        body.writeBytes(HostileFiles.deflate(profile));
        return body.toByteArray();
    }

    private static byte[] tiff(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("LZW");
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] fixture(String name) {
        try (java.io.InputStream in = MalformedCorpus.class.getResourceAsStream("/artwork/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
