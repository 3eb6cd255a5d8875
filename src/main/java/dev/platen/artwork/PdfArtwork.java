package dev.platen.artwork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.MissingImageReaderException;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.jspecify.annotations.Nullable;

/**
 * PDF artwork through PDFBox: page count, the first page's trimmed size (CropBox) and the raster images placed on
 * it. Documents are loaded with a temp-file-only stream cache, so decoded streams go to disk, not the heap.
 */
final class PdfArtwork {

    /** Output intent profiles are a few hundred kB; a bigger stream is not a profile worth reading. */
    private static final int MAX_OUTPUT_INTENT_BYTES = 8 << 20;

    private final ArtworkLimits limits;

    PdfArtwork(ArtworkLimits limits) {
        this.limits = limits;
    }

    ArtworkHeader readHeader(Path file) throws IOException {
        try (Opened opened = open(file)) {
            return opened.header();
        }
    }

    DecodedArtwork decodeFully(Path file) throws IOException {
        try (Opened opened = open(file)) {
            ArtworkHeader header = opened.header();
            List<Finding> findings = new ArrayList<>();
            Set<Object> decoded = Collections.newSetFromMap(new IdentityHashMap<>());
            for (PlacedImageCollector.Placement placement : opened.placements) {
                PDImage image = placement.image();
                // The same XObject drawn twice is one image: decode it once. Inline images are each their own.
                if (!decoded.add(image.getCOSObject())) {
                    continue;
                }
                try {
                    image.getImage();
                } catch (MissingImageReaderException e) {
                    // JPEG 2000 and JBIG2 need ImageIO plugins Platen does not ship; the PDF is not at fault.
                    findings.add(new Finding("PDF_IMAGE_NOT_CHECKED",
                            "An image of " + placement.placed().widthPx() + "x" + placement.placed().heightPx()
                                    + " px uses a compression this server cannot decode: " + e.getMessage()));
                } catch (IOException | RuntimeException e) {
                    throw ArtworkRejected.corruptPdf("An image of " + placement.placed().widthPx() + "x"
                            + placement.placed().heightPx() + " px on the first page does not decode: "
                            + e.getMessage(), e);
                }
            }
            return new DecodedArtwork(header, null, null, findings);
        }
    }

    /**
     * Renders the first page at the given resolution, to sRGB (PDFBox's renderer works in sRGB; vectors become
     * pixels here, so print files of PDF art are raster at the tier's resolution).
     */
    ArtworkPixels render(Path file, double pixelsPerInch) throws IOException {
        try (Opened opened = open(file)) {
            ArtworkHeader header = opened.header();
            PdfLayout layout = Objects.requireNonNull(header.pdf(), "a PDF's header has its page's layout");
            double widthPx = layout.pageWidthPt() / 72.0 * pixelsPerInch;
            double heightPx = layout.pageHeightPt() / 72.0 * pixelsPerInch;
            if (widthPx * heightPx > limits.maxPixels()) {
                throw ArtworkRejected.tooLarge("Rendering the page at " + Math.round(pixelsPerInch) + " pixels per inch"
                        + " needs " + Math.round(widthPx) + "x" + Math.round(heightPx) + " px, more than the "
                        + limits.maxPixels() + " pixels allowed");
            }
            // ImageType.RGB is an int per pixel
            if (widthPx * heightPx * 4 > limits.decodedBytesBudget()) {
                throw ArtworkRejected.tooLarge("Rendering the page at " + Math.round(pixelsPerInch) + " pixels per inch"
                        + " needs about " + Math.round(widthPx * heightPx * 4) / (1 << 20) + " MiB, more than the "
                        + (limits.decodedBytesBudget() >> 20) + " MiB allowed");
            }
            BufferedImage page = new GuardedRenderer(opened.firstPageAlone(), limits).renderImageWithDPI(0,
                    (float) pixelsPerInch, ImageType.RGB);
            return new ArtworkPixels(page, "RGB", ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData(),
                    header.findings(), PixelSource.rendered(opened.coding()));
        }
    }

    /**
     * The first page, checked like every other use, open for the render module to rewrite and place as vectors
     * (see {@link PdfArtPage}).
     */
    PdfArtPage openPage(Path file) throws IOException {
        Opened opened = open(file);
        try {
            // Objects the render creates (converted images) go to a temporary file, not the heap.
            PDDocument alone = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
            alone.addPage(opened.page);
            return new PdfArtPage(alone, opened.page, opened.outputIntentProfile(), opened);
        } catch (RuntimeException | Error e) {
            opened.close();
            throw e;
        }
    }

    private Opened open(Path file) throws IOException {
        RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(file.toFile());
        PDDocument document;
        try {
            document = Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            source.close();
            throw ArtworkRejected.encryptedPdf("The PDF is protected by a password needed to open it", e);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw ArtworkRejected.corruptPdf("The PDF cannot be parsed: " + e.getMessage(), e);
        }
        try {
            return new Opened(source, document);
        } catch (IOException | RuntimeException | Error e) {
            document.close();
            source.close();
            throw e;
        }
    }

    /** An open document with the first page already played; closing it closes PDFBox's file handles. */
    private final class Opened implements AutoCloseable {
        private final RandomAccessReadBufferedFile source;
        private final PDDocument document;
        private final int pageCount;
        private final PDPage page;
        private final List<PlacedImageCollector.Placement> placements;
        private final boolean nestingCut;

        Opened(RandomAccessReadBufferedFile source, PDDocument document) throws IOException {
            this.source = source;
            this.document = document;
            // The page tree and every stream the first page uses are checked before PDFBox decodes any of them.
            COSDictionary first = PdfObjectGraph.checkedFirstPage(document.getDocumentCatalog().getCOSObject(),
                    limits);
            if (first == null) {
                throw ArtworkRejected.pdfWithoutPages("The PDF has no pages");
            }
            this.pageCount = Math.max(1, document.getNumberOfPages());
            this.page = new PDPage(first);
            PlacedImageCollector collector = new PlacedImageCollector(page, limits);
            this.placements = collector.collect();
            this.nestingCut = collector.nestingCut();
            for (PlacedImageCollector.Placement p : placements) {
                long pixels = (long) p.placed().widthPx() * p.placed().heightPx();
                if (pixels > limits.maxPixels()) {
                    throw ArtworkRejected.tooLarge("An image on the first page has " + p.placed().widthPx() + "x"
                            + p.placed().heightPx() + " px, more than the " + limits.maxPixels()
                            + " pixels allowed");
                }
                // PDFBox decodes every image to an int-per-pixel BufferedImage, whatever its colour space.
                if (pixels * 4 > limits.decodedBytesBudget()) {
                    throw ArtworkRejected.tooLarge("An image on the first page of " + p.placed().widthPx() + "x"
                            + p.placed().heightPx() + " px needs about " + (pixels * 4 >> 20)
                            + " MiB decoded, more than the " + (limits.decodedBytesBudget() >> 20) + " MiB allowed");
                }
            }
        }

        /**
         * JPEG when the page draws any DCTDecode image (its blocks can show on the page), else OTHER_LOSSY for a
         * JPEG 2000 image, else LOSSLESS. PDFBox names an image's coding by the file suffix its filter would have
         * ("jpg", "jpx"), read from the stream dictionary without decoding the image.
         */
        PixelCoding coding() {
            PixelCoding coding = PixelCoding.LOSSLESS;
            for (PlacedImageCollector.Placement p : placements) {
                String suffix = p.image().getSuffix();
                if ("jpg".equals(suffix)) {
                    return PixelCoding.JPEG;
                }
                if ("jpx".equals(suffix)) {
                    coding = PixelCoding.OTHER_LOSSY;
                }
            }
            return coding;
        }

        /**
         * A document of the first page only, sharing its objects: PDFRenderer finds pages by index through the
         * page tree's counts, which a hostile file can make disagree with the page the checks walked.
         */
        PDDocument firstPageAlone() {
            PDDocument alone = new PDDocument();
            alone.addPage(page);
            return alone;
        }

        ArtworkHeader header() {
            List<Finding> findings = new ArrayList<>();
            if (pageCount > limits.maxPdfPagesUsed()) {
                findings.add(new Finding("PDF_EXTRA_PAGES_IGNORED", "The PDF has " + pageCount
                        + " pages; only the first " + limits.maxPdfPagesUsed() + " used."));
            }
            if (nestingCut) {
                findings.add(new Finding("PDF_NESTING_TOO_DEEP", "Forms nested deeper than "
                        + PlacedImageCollector.MAX_FORM_DEPTH + " levels were not inspected for images."));
            }
            // The crop box is what a viewer shows and what gets printed; PDFBox falls back to the media box.
            PDRectangle crop = page.getCropBox();
            double unit = page.getUserUnit();
            double width = crop.getWidth() * unit;
            double height = crop.getHeight() * unit;
            int rotation = Math.floorMod(page.getRotation(), 360);
            if (rotation == 90 || rotation == 270) {
                double turned = width;
                width = height;
                height = turned;
            }
            List<PlacedImage> images = placements.stream().map(PlacedImageCollector.Placement::placed).toList();
            String intent = outputIntentDescription(findings);
            List<String> notEmbedded = PdfFonts.notEmbedded(page.getCOSObject());
            if (!notEmbedded.isEmpty()) {
                findings.add(new Finding(Finding.FONT_NOT_EMBEDDED, "Fonts not embedded in the PDF: "
                        + String.join(", ", notEmbedded) + ". The press would substitute them, so text may print in "
                        + "another typeface or with other widths."));
            }
            return new ArtworkHeader(ArtworkFormat.PDF, null, null, null, null, 0, false, intent, 1,
                    new PdfLayout(pageCount, width, height, images), findings);
        }

        /** The bytes of the first output intent's profile, or null when there is none or it is unreadable. */
        byte @Nullable [] outputIntentProfile() {
            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            if (intents.isEmpty() || intents.get(0).getDestOutputIntent() == null) {
                return null;
            }
            try (InputStream in = intents.get(0).getDestOutputIntent().createInputStream()) {
                byte[] bytes = in.readNBytes(MAX_OUTPUT_INTENT_BYTES + 1);
                return bytes.length > MAX_OUTPUT_INTENT_BYTES ? null : bytes;
            } catch (IOException e) {
                return null;
            }
        }

        /** PDF/X files name their print condition in the output intent's ICC profile. */
        private @Nullable String outputIntentDescription(List<Finding> findings) {
            List<PDOutputIntent> intents = document.getDocumentCatalog().getOutputIntents();
            if (intents.isEmpty() || intents.get(0).getDestOutputIntent() == null) {
                return null;
            }
            COSStream profile = intents.get(0).getDestOutputIntent();
            try (InputStream in = profile.createInputStream()) {
                byte[] bytes = in.readNBytes(MAX_OUTPUT_INTENT_BYTES + 1);
                if (bytes.length > MAX_OUTPUT_INTENT_BYTES) {
                    findings.add(new Finding(IccProfile.INVALID, "The output intent profile is implausibly large"));
                    return null;
                }
                return IccProfile.describe(bytes, findings);
            } catch (IOException e) {
                findings.add(new Finding(IccProfile.INVALID,
                        "The output intent profile cannot be read: " + e.getMessage()));
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                document.close();
            } finally {
                source.close();
            }
        }
    }
}
