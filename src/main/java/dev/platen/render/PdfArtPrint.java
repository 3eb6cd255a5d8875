package dev.platen.render;

import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfArtPage;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jspecify.annotations.Nullable;

/**
 * PDF art into print files as vectors: its first page's colours converted in place to the stock's CMYK
 * ({@link PdfArtColours} through {@link PdfRecolouring}), the page imported as a form XObject and placed on the
 * tier's canvas, the PDF/X-4 framed like every print file ({@link PdfX4Frame}); the TIFF rendered from the converted
 * page ink by ink ({@link PdfPlates}), never through RGB. Fonts stay embedded and text stays text; transparency,
 * blend modes and soft masks stay as they are.
 *
 * <p><b>Placement</b> is raster art's ({@link PlacementCanvas}): the page's TrimBox (PDFBox falls back to the
 * CropBox) is fitted "contain" into the print area at the target DPI, whole pixels, centred; what the page has
 * outside its trim, up to its BleedBox, is the art's own bleed and may extend into the canvas's bleed. On an axis
 * where the fitted art reaches both trim edges the art shows into the canvas's bleed; on an axis where it does not,
 * the clip stops at the art's trim, as raster art's sides are paper. Nothing outside the BleedBox (printer's marks,
 * slug) is drawn, and nothing outside the canvas. /Rotate is honoured. Annotations are not printed.
 *
 * <p>When the page has something that cannot be converted in place, nothing is written and the result says why:
 * the caller rasterises the page the old way with a {@code PDF_RASTERISED} finding. A placement never fails for it.
 */
public final class PdfArtPrint {

    private PdfArtPrint() {
    }

    /**
     * A placement of PDF art.
     *
     * @param art             the art's first page, open; it is rewritten in place (the file on disk is not)
     * @param printArea       the tier's print area
     * @param bleedInches     the product's bleed
     * @param targetDpi       the tier's DPI: the canvas's grid (the TIFF's pixels, the PDF's boxes)
     * @param stock           the stock: conversion options, art policy (grey, spot colours, assumed CMYK)
     * @param outputCondition the stock's profile and its name, the output intent
     */
    public record Job(PdfArtPage art, PrintArea printArea, double bleedInches, int targetDpi, Stock stock,
                      OutputCondition outputCondition, Set<PrintFileFormat> formats, Provenance provenance) {
        public Job {
            Objects.requireNonNull(art, "art");
            Objects.requireNonNull(printArea, "printArea");
            Objects.requireNonNull(stock, "stock");
            Objects.requireNonNull(outputCondition, "outputCondition");
            Objects.requireNonNull(provenance, "provenance");
            formats = Set.copyOf(EnumSet.copyOf(formats));
        }
    }

    /**
     * @param files    the print files, or null when the page has to be rasterised
     * @param findings what the conversion did (CMYK handling, spot colours), or {@code PDF_RASTERISED} with the
     *                 reason when {@code files} is null
     */
    public record Result(@Nullable PrintFiles files, List<Finding> findings) {
        public boolean rasterised() {
            return files == null;
        }
    }

    /**
     * Writes the files the job asks for at {@code pdfOut} and {@code tiffOut} (either may be null when not asked
     * for); nothing is left there when it fails or has to rasterise.
     *
     * @param press the stock's profile, open (the caller closes it)
     */
    public static Result write(Job job, ColorProfile press, TransformCache cache, @Nullable Path pdfOut,
                               @Nullable Path tiffOut)
            throws IOException {
        Instant created = job.provenance().filesDated();
        PrintFileWriter.Output pdf = PrintFileWriter.Output.wanted(job.formats(), PrintFileFormat.PDF_X4, pdfOut);
        PrintFileWriter.Output tiff = PrintFileWriter.Output.wanted(job.formats(), PrintFileFormat.TIFF, tiffOut);
        PDDocument artDocument = job.art().document();
        PDPage artPage = job.art().page();
        List<Finding> findings = new ArrayList<>();
        try (PdfArtColours colours = new PdfArtColours(artDocument, job.stock(), press, cache,
                job.art().outputIntentProfile())) {
            new PdfRecolouring(artDocument, colours).page(artPage);
            findings.addAll(colours.findings());
        } catch (PdfRecolouring.Unconvertible e) {
            return new Result(null, List.of(new Finding(Finding.PDF_RASTERISED, "The PDF's first page was printed as an "
                    + "image at the tier's resolution (text and vectors are pixels, spot colours process colour): "
                    + e.getMessage() + " cannot be converted to the stock's CMYK in place.")));
        }

        PDRectangle trim = artPage.getTrimBox();
        int rotation = Math.floorMod(artPage.getRotation(), 360);
        boolean turned = rotation == 90 || rotation == 270;
        double artW = turned ? trim.getHeight() : trim.getWidth();
        double artH = turned ? trim.getWidth() : trim.getHeight();
        // The fit in hundredths of a point: PlacementCanvas fits whole units, the art's size is its box in points.
        PlacementCanvas canvas = PlacementCanvas.fit(job.printArea(), job.bleedInches(), job.targetDpi(),
                (int) Math.max(1, Math.round(artW * 100)), (int) Math.max(1, Math.round(artH * 100)));
        String profileSha256 = job.outputCondition().profileSha256();
        // the PDF is what the TIFF's plates are rendered from, so it is written also when only a TIFF is wanted
        Path pdfPart = pdf != null ? pdf.part() : Files.createTempFile("platen-vector", ".pdf");
        try {
            try (PDDocument print = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
                PDPage page = PdfX4Frame.page(canvas);
                print.addPage(page);
                place(print, page, artDocument, artPage, canvas, rotation);
                PdfX4Frame.complete(print, canvas, job.outputCondition(), job.provenance(), job.bleedInches(),
                        profileSha256, created, PrintFileWriter.documentId(PrintFileFormat.PDF_X4,
                                PrintFileWriter.description(job.provenance(), job.outputCondition(),
                                        job.bleedInches(), canvas, profileSha256)), pdfPart);
            }
            if (tiff != null) {
                String xmp = XmpPacket.of(job.provenance(), job.outputCondition(), job.bleedInches(), canvas,
                        profileSha256, created, PrintFileWriter.documentId(PrintFileFormat.TIFF,
                                PrintFileWriter.description(job.provenance(), job.outputCondition(),
                                        job.bleedInches(), canvas, profileSha256)), false);
                CmykTiff.Tags tags = new CmykTiff.Tags(PrintFileWriter.description(job.provenance(),
                        job.outputCondition(), job.bleedInches(), canvas, profileSha256), xmp, canvas.dpi(),
                        "Platen " + job.provenance().engineVersion(), created, job.outputCondition().profileBytes());
                try (PdfPlates plates = PdfPlates.render(pdfPart, canvas);
                     CmykTiff tif = CmykTiff.begin(tiff.part(), canvas.widthPx(), canvas.heightPx(), tags);
                     FlateBlocks strips = FlateBlocks.of(canvas.widthPx(), canvas.heightPx(), tif::strip, null)) {
                    CanvasPass.run(plates, strips);
                    strips.finish();
                    tif.finish();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            List<PrintFile> files = new ArrayList<>();
            if (pdf != null) {
                files.add(PrintFileWriter.moveIntoPlace(PrintFileFormat.PDF_X4, pdfPart, pdf.target()));
            }
            if (tiff != null) {
                files.add(PrintFileWriter.moveIntoPlace(PrintFileFormat.TIFF, tiff.part(), tiff.target()));
            }
            return new Result(new PrintFiles(canvas.widthPx(), canvas.heightPx(), canvas.dpi(), profileSha256,
                    files), findings);
        } finally {
            Files.deleteIfExists(pdfPart);
            if (tiff != null) {
                Files.deleteIfExists(tiff.part());
            }
        }
    }

    /**
     * For the soft proof: the art's page (its TrimBox, falling back to the CropBox) at {@code width} x {@code height}
     * pixels as the print's CMYK, C, M, Y, K interleaved (0 = no ink), converted exactly as the print files are and
     * rendered ink by ink ({@link PdfPlates}). Rotation is not applied. The page is rewritten in place.
     *
     * @return the CMYK pixels, or null when the page has to be rasterised (the findings of {@link #write} say why)
     */
    public static byte @Nullable [] proofCmyk(PdfArtPage art, Stock stock, ColorProfile press, TransformCache cache,
                                              int width,
                                   int height) throws IOException {
        try (PdfArtColours colours = new PdfArtColours(art.document(), stock, press, cache,
                art.outputIntentProfile())) {
            new PdfRecolouring(art.document(), colours).page(art.page());
        } catch (PdfRecolouring.Unconvertible e) {
            return null;
        }
        art.page().setCropBox(art.page().getTrimBox());
        Path file = Files.createTempFile("platen-proof", ".pdf");
        try {
            art.document().save(file.toFile());
            return PdfPlates.cmyk(file, width, height);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * What a soft proof of PDF art measures, pixel for pixel at {@code width} x {@code height}: the art's true colours
     * as the stock is asked to print them ({@link PdfArtReference}: 8-bit CIELAB, L, a, b interleaved, each colour
     * through its own profile and black point compensated as its own conversion is) and the print's CMYK
     * ({@link #proofCmyk}).
     */
    public record ProofPair(int width, int height, byte[] targetLab, byte[] printCmyk) {
    }

    /**
     * The art's page (its TrimBox) as a {@link ProofPair}. The page is rewritten in place.
     *
     * @return the pair, or null when the page has to be rasterised (the findings of {@link #write} say why)
     */
    public static @Nullable ProofPair proof(PdfArtPage art, Stock stock, ColorProfile press, TransformCache cache,
                                            int width,
                                  int height) throws IOException {
        art.page().setCropBox(art.page().getTrimBox());
        Path original = Files.createTempFile("platen-proof-art", ".pdf");
        try {
            art.document().save(original.toFile());
            byte[] lab;
            try (PdfArtReference reference = new PdfArtReference(stock, press, cache, art.outputIntentProfile())) {
                lab = PdfPlates.lab(original, reference, width, height);
            } catch (PdfRecolouring.Unconvertible e) {
                return null;
            }
            byte[] cmyk = proofCmyk(art, stock, press, cache, width, height);
            return cmyk == null ? null : new ProofPair(width, height, lab, cmyk);
        } finally {
            Files.deleteIfExists(original);
        }
    }

    /** Draws the art's page as a form on the canvas page: fitted, rotated, clipped. */
    private static void place(PDDocument print, PDPage page, PDDocument artDocument, PDPage artPage,
                              PlacementCanvas canvas, int rotation) throws IOException {
        PDFormXObject form = new LayerUtility(print).importPageAsForm(artDocument, artPage);
        // LayerUtility bakes rotation and crop offset into /Matrix and clips to the CropBox; the art's bleed is
        // wanted (up to its BleedBox) and the placement below does rotation itself.
        form.setMatrix(new AffineTransform());
        PDRectangle bleedBox = artPage.getBleedBox();
        form.setBBox(bleedBox);

        PDRectangle trim = artPage.getTrimBox();
        AffineTransform rotate = AffineTransform.getRotateInstance(-Math.toRadians(rotation));
        Rectangle2D turned = rotate.createTransformedShape(new Rectangle2D.Double(trim.getLowerLeftX(),
                trim.getLowerLeftY(), trim.getWidth(), trim.getHeight())).getBounds2D();
        double pt = canvas.pointsPerPixel();
        double targetX = canvas.artX() * pt;
        double targetY = (canvas.heightPx() - canvas.artY() - canvas.artHeightPx()) * pt;
        double targetW = canvas.artWidthPx() * pt;
        double targetH = canvas.artHeightPx() * pt;
        AffineTransform at = new AffineTransform();
        at.translate(targetX, targetY);
        at.scale(targetW / turned.getWidth(), targetH / turned.getHeight());
        at.translate(-turned.getMinX(), -turned.getMinY());
        at.concatenate(rotate);

        // The clip: the whole canvas on an axis where the art spans the trim, else the art's own extent.
        double clipX = canvas.artWidthPx() == canvas.trimWidthPx() ? 0 : targetX;
        double clipW = canvas.artWidthPx() == canvas.trimWidthPx() ? canvas.widthPx() * pt : targetW;
        double clipY = canvas.artHeightPx() == canvas.trimHeightPx() ? 0 : targetY;
        double clipH = canvas.artHeightPx() == canvas.trimHeightPx() ? canvas.heightPx() * pt : targetH;
        try (PDPageContentStream content = new PDPageContentStream(print, page)) {
            content.saveGraphicsState();
            content.addRect((float) clipX, (float) clipY, (float) clipW, (float) clipH);
            content.clip();
            content.transform(new Matrix(at));
            content.drawForm(form);
            content.restoreGraphicsState();
        }
        // Art with transparency blends in the stock's CMYK, as the converted group of the art says.
        if (artPage.getCOSObject().getDictionaryObject(COSName.GROUP) instanceof COSDictionary) {
            COSDictionary group = new COSDictionary();
            group.setItem(COSName.S, COSName.TRANSPARENCY);
            group.setItem(COSName.CS, COSName.DEVICECMYK);
            page.getCOSObject().setItem(COSName.GROUP, group);
        }
    }
}
