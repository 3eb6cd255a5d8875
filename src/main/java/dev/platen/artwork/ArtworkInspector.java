package dev.platen.artwork;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.springframework.stereotype.Component;

/**
 * Inspects customer artwork: decides the format from magic bytes, reads the headers within {@link ArtworkLimits}
 * before any pixel is decoded, and on request decodes the first frame or page in full.
 *
 * <p>Every fault of the file ends as an {@link ArtworkRejected} with a 4xx status; decoder exceptions of any kind
 * are translated here and never escape. Faults of the server itself (the file cannot be opened) are not the
 * customer's and stay {@link UncheckedIOException}s. Thread-safe: readers are created per call.
 */
@Component
public class ArtworkInspector implements ArtworkReader {

    static final String FIRST_FRAME_ONLY = "FIRST_FRAME_ONLY";
    static final String DECODER_WARNING = "DECODER_WARNING";
    static final String ICC_PROFILE_MISMATCH = "ICC_PROFILE_MISMATCH";
    static final String HEADER_DISAGREES = "HEADER_DISAGREES_WITH_DECODER";

    /** Enough for every magic number, including a PDF header anywhere in the first 1024 bytes. */
    private static final int SNIFF_BYTES = MagicBytes.PDF_HEADER_WINDOW;
    private static final int MAX_WARNING_FINDINGS = 5;

    private final ArtworkLimits limits;
    private final PdfArtwork pdf;
    private final ArtworkDecoding decoding;

    public ArtworkInspector(ArtworkLimits limits) {
        this.limits = limits;
        this.pdf = new PdfArtwork(limits);
        this.decoding = new ArtworkDecoding(limits.decoderThreads(), limits.decoderQueue(), limits.decoderWait());
    }

    @Override
    public ArtworkHeader readHeader(Path file) {
        return decoding.run(limits.timeLimit(), () -> {
            ArtworkFormat format = formatOf(file);
            return guarded(format, () -> format == ArtworkFormat.PDF ? pdf.readHeader(file)
                    : rasterHeader(file, format));
        });
    }

    @Override
    public DecodedArtwork decodeFully(Path file) {
        return decoding.run(limits.timeLimit(), () -> {
            ArtworkFormat format = formatOf(file);
            return guarded(format, () -> format == ArtworkFormat.PDF ? pdf.decodeFully(file)
                    : rasterDecode(file, format));
        });
    }

    @Override
    public ArtworkPixels pixels(Path file, double pdfPixelsPerInch) {
        return decoding.run(limits.renderTimeLimit(), () -> {
            ArtworkFormat format = formatOf(file);
            return guarded(format, () -> format == ArtworkFormat.PDF ? pdf.render(file, pdfPixelsPerInch)
                    : rasterPixels(file, format));
        });
    }

    /**
     * As {@link #pixels}, except that a sequential 8-bit RGB or grey JPEG without a turn to make is not decoded
     * here: its image is {@link StreamedRows}, decoded row by row as the print is made, and the decoded-byte budget
     * does not apply to it, because what it holds at once is a ring of rows, not the picture. The caller reads its
     * rows in order and closes the image's raster. A truncated file is not reported here: the inspection step
     * decoded the art whole and said so.
     */
    @Override
    public ArtworkPixels pixelsInRows(Path file, double pdfPixelsPerInch) {
        Optional<ArtworkPixels> streamed = decoding.run(limits.timeLimit(), () -> {
            ArtworkFormat format = formatOf(file);
            return format != ArtworkFormat.JPEG ? Optional.<ArtworkPixels>empty()
                    : guarded(format, () -> streamedJpeg(file));
        });
        return streamed.orElseGet(() -> pixels(file, pdfPixelsPerInch));
    }

    private Optional<ArtworkPixels> streamedJpeg(Path file) throws IOException {
        boolean sequential;
        RasterFacts facts;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(channel.size(), Integer.MAX_VALUE));
            sequential = JpegSegments.sequential(bytes);
            facts = JpegSegments.read(bytes);
        }
        boolean streamable = sequential && facts.bitsPerSample() == 8 && !facts.alpha() && facts.orientation() <= 1
                && (RasterFacts.RGB.equals(facts.colorSpace()) || RasterFacts.GRAY.equals(facts.colorSpace()));
        if (!streamable) {
            return Optional.empty();
        }
        ArtworkHeader header = rasterHeader(file, ArtworkFormat.JPEG, facts, false);
        BufferedImage image;
        try {
            image = StreamedRows.open(file);
        } catch (IOException | RuntimeException e) {
            // the JDK's reader will not set up what TwelveMonkeys' reads: decode it whole, as before
            return Optional.empty();
        }
        if (image == null || image.getWidth() != facts.storedWidth() || image.getHeight() != facts.storedHeight()) {
            return Optional.empty();
        }
        boolean profileUsable = facts.iccProfile() != null
                && header.findings().stream().noneMatch(f -> f.code().equals(IccProfile.INVALID)
                || f.code().equals(ICC_PROFILE_MISMATCH));
        String samples = image.getColorModel().getNumColorComponents() == 1 ? RasterFacts.GRAY : RasterFacts.RGB;
        return Optional.of(new ArtworkPixels(image, samples, profileUsable ? facts.iccProfile() : null,
                header.findings(), PixelSource.decoded(facts.coding())));
    }

    @Override
    public PdfArtPage pdfPage(Path file) {
        ArtworkFormat format = formatOf(file);
        if (format != ArtworkFormat.PDF) {
            throw new IllegalArgumentException("the art is " + format + ", not a PDF");
        }
        return guarded(format, () -> pdf.openPage(file));
    }

    private ArtworkPixels rasterPixels(Path file, ArtworkFormat format) throws IOException {
        ArtworkHeader header = rasterHeader(file, format);
        RasterFacts facts = rasterFacts(file, format);
        return forPrint(format, header, facts, decodeFrame(file, format, facts));
    }

    /**
     * The first frame as decoded. A CMYK JPEG is decoded as it prints, to its inks: the RGB the decoder would make
     * (and its warnings about the profile on the way, "treating as Display class") is no part of Platen's path.
     */
    private static RasterCodec.Frame decodeFrame(Path file, ArtworkFormat format, RasterFacts facts)
            throws IOException {
        boolean cmykJpeg = format == ArtworkFormat.JPEG && RasterFacts.CMYK.equals(facts.colorSpace());
        return cmykJpeg ? RasterCodec.decodeCmykJpeg(file, adobeTransform(file))
                : RasterCodec.decodeFirstFrame(file, format);
    }

    /** The decoded frame as the print takes it: upright, its samples named, its profile if it can be used. */
    private static ArtworkPixels forPrint(ArtworkFormat format, ArtworkHeader header, RasterFacts facts,
                                          RasterCodec.Frame frame) {
        BufferedImage image = Orientation.upright(frame.image(), header.exifOrientation());
        boolean profileUsable = facts.iccProfile() != null
                && header.findings().stream().noneMatch(f -> f.code().equals(IccProfile.INVALID)
                || f.code().equals(ICC_PROFILE_MISMATCH));
        String samples = image.getColorModel().getNumColorComponents() == 4 ? RasterFacts.CMYK
                : image.getColorModel().getNumColorComponents() == 1 ? RasterFacts.GRAY : RasterFacts.RGB;
        List<Finding> findings = new ArrayList<>(header.findings());
        frame.truncation().ifPresent(warning -> findings.add(truncated(format, warning)));
        return new ArtworkPixels(image, samples, profileUsable ? facts.iccProfile() : null, findings,
                PixelSource.decoded(facts.coding()));
    }

    private static int adobeTransform(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return JpegSegments.adobeTransform(channel.map(FileChannel.MapMode.READ_ONLY, 0,
                    Math.min(channel.size(), Integer.MAX_VALUE)));
        }
    }

    private ArtworkFormat formatOf(Path file) {
        long size;
        ByteBuffer start;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            start = ByteBuffer.allocate((int) Math.min(size, SNIFF_BYTES));
            while (start.hasRemaining() && channel.read(start) >= 0) {
                // read until the sniff window is full or the file ends
            }
            start.flip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read artwork file " + file, e);
        }
        if (size == 0) {
            throw ArtworkRejected.emptyFile("The file is empty");
        }
        if (size > limits.maxUploadBytes()) {
            throw ArtworkRejected.fileTooLarge("The file has " + size + " bytes, more than the "
                    + limits.maxUploadBytes() + " allowed");
        }
        return MagicBytes.formatOf(start).orElseThrow(() -> ArtworkRejected.unsupported(
                "The file is not JPEG, PNG, TIFF, WebP or PDF"));
    }

    /**
     * The file's own structures first, then the pixel limit, and only then the decoder's view of the size. When
     * the two disagree the header's size is reported with a finding; decoding settles which one is true.
     */
    private ArtworkHeader rasterHeader(Path file, ArtworkFormat format) throws IOException {
        return rasterHeader(file, format, rasterFacts(file, format), true);
    }

    /** @param whole whether the picture will be held whole once decoded (not read as {@link StreamedRows}) */
    private ArtworkHeader rasterHeader(Path file, ArtworkFormat format, RasterFacts facts, boolean whole)
            throws IOException {
        checkPixelLimit(facts.storedWidth(), facts.storedHeight());
        if (whole) {
            checkDecodedBytes(facts);
        }
        List<Finding> findings = new ArrayList<>(facts.findings());
        RasterCodec.StoredSize decoderView = RasterCodec.storedSize(file, format);
        if (decoderView.width() != facts.storedWidth() || decoderView.height() != facts.storedHeight()) {
            checkPixelLimit(decoderView.width(), decoderView.height());
            findings.add(new Finding(HEADER_DISAGREES, "The file's header says " + facts.storedWidth() + "x"
                    + facts.storedHeight() + " px but its decoder reads " + decoderView.width() + "x"
                    + decoderView.height() + " px."));
        }
        if (facts.moreFrames()) {
            findings.add(new Finding(FIRST_FRAME_ONLY, "The file holds more than one "
                    + (format == ArtworkFormat.TIFF ? "page" : "frame") + "; only the first is used."));
        }
        String icc = IccProfile.describe(facts.iccProfile(), findings);
        if (icc != null) {
            checkProfileMatches(facts, findings);
        }
        return new ArtworkHeader(format, facts.width(), facts.height(), facts.dpi(), facts.colorSpace(),
                facts.bitsPerSample(), facts.alpha(), icc, facts.orientation(), null, findings);
    }

    private static RasterFacts rasterFacts(Path file, ArtworkFormat format) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Mapped, not read: a TIFF's directory may sit at the end of a 200 MB file, and only a few bytes of it
            // are touched. Files above 2 GB are refused by maxUploadBytes long before this could matter.
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0,
                    Math.min(channel.size(), Integer.MAX_VALUE));
            return switch (format) {
                case JPEG -> JpegSegments.read(bytes);
                case PNG -> PngChunks.read(bytes);
                case TIFF -> TiffFacts.read(bytes);
                case WEBP -> WebpChunks.read(bytes);
                case PDF -> throw new IllegalArgumentException("PDF is not raster artwork");
            };
        }
    }

    private void checkPixelLimit(long width, long height) {
        if (width * height > limits.maxPixels()) {
            throw ArtworkRejected.tooLarge("The image has " + width + "x" + height + " px, more than the "
                    + limits.maxPixels() + " pixels allowed");
        }
    }

    /**
     * The memory the decoder will hold for the image: ImageIO keeps one sample per component at 8 or 16 bits, and
     * palette images are counted as RGB because some decoders expand them. Checked before decoding so that a
     * 16-bit CMYK file within the pixel limit cannot still ask for gigabytes.
     */
    private void checkDecodedBytes(RasterFacts facts) {
        int samples = switch (facts.colorSpace()) {
            case RasterFacts.GRAY -> 1;
            case RasterFacts.RGB, RasterFacts.LAB -> 3;
            default -> 4;
        } + (facts.alpha() ? 1 : 0);
        int bytesPerSample = Math.max(1, Math.min(8, (facts.bitsPerSample() + 7) / 8));
        long estimate = (long) facts.storedWidth() * facts.storedHeight() * samples * bytesPerSample;
        if (estimate > limits.decodedBytesBudget()) {
            throw ArtworkRejected.tooLarge("Decoding the image of " + facts.storedWidth() + "x" + facts.storedHeight()
                    + " px (" + samples + " samples of " + bytesPerSample * 8 + " bits) needs about " + (estimate >> 20)
                    + " MiB, more than the " + (limits.decodedBytesBudget() >> 20) + " MiB allowed");
        }
    }

    /** A CMYK profile on RGB pixels (and the like) is ignored by every colour-managed decoder. */
    private static void checkProfileMatches(RasterFacts facts, List<Finding> findings) {
        byte[] p = facts.iccProfile();
        String profileSpace = new String(p, 16, 4, StandardCharsets.US_ASCII).strip();
        String expected = switch (facts.colorSpace()) {
            case RasterFacts.RGB -> "RGB";
            case RasterFacts.GRAY -> "GRAY";
            case RasterFacts.CMYK -> "CMYK";
            case RasterFacts.LAB -> "Lab";
            default -> profileSpace;
        };
        if (!expected.equals(profileSpace)) {
            findings.add(new Finding(ICC_PROFILE_MISMATCH, "The embedded ICC profile is for " + profileSpace
                    + " but the image is " + facts.colorSpace() + "; decoders will ignore the profile."));
        }
    }

    private DecodedArtwork rasterDecode(Path file, ArtworkFormat format) throws IOException {
        ArtworkHeader header = rasterHeader(file, format);
        RasterFacts facts = rasterFacts(file, format);
        RasterCodec.Frame decoded = decodeFrame(file, format, facts);
        List<Finding> findings = new ArrayList<>();
        decoded.truncation().ifPresent(warning -> findings.add(truncated(format, warning)));
        decoded.warnings().stream().filter(warning -> !RasterCodec.isTruncation(warning))
                .limit(MAX_WARNING_FINDINGS).forEach(warning ->
                findings.add(new Finding(DECODER_WARNING, "The decoder warned: " + warning)));
        boolean profileKnownBad = header.findings().stream().anyMatch(f -> f.code().equals(IccProfile.INVALID));
        boolean decoderDroppedProfile = decoded.warnings().stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .anyMatch(w -> w.contains("icc") && w.contains("ignoring icc profile"));
        if (decoderDroppedProfile && !profileKnownBad) {
            // The profile parsed, but the decoder could not use it: the colours were decoded without it.
            findings.add(new Finding(IccProfile.INVALID,
                    "The decoder could not apply the embedded ICC profile and ignored it."));
        }
        boolean turned = header.exifOrientation() >= 5;
        int width = turned ? decoded.image().getHeight() : decoded.image().getWidth();
        int height = turned ? decoded.image().getWidth() : decoded.image().getHeight();
        return new DecodedArtwork(header, width, height, findings, forPrint(format, header, facts, decoded));
    }

    /**
     * A file whose image data stops early but still decodes to a picture of its full size: the decoder filled the
     * rest (grey blocks, or a progressive JPEG's blurry early scans), so what would print is not the customer's
     * picture. A finding, not a rejection: the placement goes on to a proof an operator can look at.
     */
    private static Finding truncated(ArtworkFormat format, String warning) {
        return new Finding(Finding.TRUNCATED_IMAGE, "The " + format.wireName().toUpperCase(Locale.ROOT)
                + " file is cut short: its image data stops before the end, so part of the picture is missing or "
                + "filled in by the decoder (it said: " + warning + "). Ask for the file again.");
    }

    private interface Inspection<T> {
        T run() throws IOException;
    }

    /**
     * Runs one file's inspection and turns every way a decoder can fail into a rejection.
     *
     * <p>{@link StackOverflowError} is caught on purpose: hostile files (deeply recursive structures) make decoders
     * recurse without bound; the stack it used is free once it has unwound, and rejecting the one file keeps the
     * worker serving everyone else. {@link OutOfMemoryError} is not: the heap is the engine's, shared with every
     * other file and step, and {@link ArtworkDecoding} decides whether the file or the load ran it out (a file that
     * needs more than the heap fails alone on the decoders too; a step outside them retries).
     */
    private static <T> T guarded(ArtworkFormat format, Inspection<T> inspection) {
        try {
            return inspection.run();
        } catch (ArtworkRejected rejected) {
            throw rejected;
        } catch (StackOverflowError e) {
            throw ArtworkRejected.tooComplex("The file is too complex to decode: " + e, e);
        } catch (IOException | RuntimeException e) {
            throw rejectionFor(format, e);
        }
    }

    private static ArtworkRejected rejectionFor(ArtworkFormat format, Exception e) {
        if (format == ArtworkFormat.PDF) {
            if (e instanceof InvalidPasswordException) {
                return ArtworkRejected.encryptedPdf("The PDF is protected by a password needed to open it", e);
            }
            return ArtworkRejected.corruptPdf("The PDF cannot be read: " + e.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || RasterCodec.isTruncation(t.getMessage())) {
                return ArtworkRejected.truncated("The " + format.wireName() + " data ends early: " + e.getMessage(),
                        e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return ArtworkRejected.corrupt("The " + format.wireName() + " cannot be decoded: " + e, e);
    }

}
