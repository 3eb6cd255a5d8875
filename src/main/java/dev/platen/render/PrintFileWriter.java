package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Makes a placement's print files: the art placed on the tier's canvas at the target DPI (see
 * {@link PlacementCanvas} for the fit, the bleed and the resampling), converted to the stock's CMYK by the colour
 * module, written as PDF/X-4 and/or CMYK TIFF with provenance.
 *
 * <p>The canvas is made once, a band at a time ({@link CanvasPass}), and compressed once on every core while the next
 * band is made ({@link FlateBlocks}): both files take the same compressed blocks. Memory is the decoded art the job
 * holds plus two bands, a few filtered rows and the blocks in flight, whatever the canvas size.
 *
 * <p>Files are written next to their final path as {@code name.part} and moved into place when complete, so a
 * press queue watching the folder never picks up half a file. Thread-safe: each call has its own state.
 */
@Component
class PrintFileWriter {

    /**
     * Writes the formats the job asks for.
     *
     * @param pdfOut  where the PDF/X-4 goes; may be null when the job does not ask for one
     * @param tiffOut where the TIFF goes; may be null when the job does not ask for one
     * @return the files written and the canvas size
     * @throws IOException when a file cannot be written; nothing is left at {@code pdfOut} or {@code tiffOut}
     */
    public PrintFiles write(RenderJob job, @Nullable Path pdfOut, @Nullable Path tiffOut) throws IOException {
        Output pdf = Output.wanted(job.formats(), PrintFileFormat.PDF_X4, pdfOut);
        Output tiff = Output.wanted(job.formats(), PrintFileFormat.TIFF, tiffOut);
        PlacementCanvas canvas = PlacementCanvas.fit(job.printArea(), job.bleedInches(), job.targetDpi(),
                job.art().getWidth(), job.art().getHeight());
        CanvasBands bands = new CanvasBands(canvas, job.art(), job.conversion());
        Instant created = job.provenance().filesDated();
        String profileSha256 = job.outputCondition().profileSha256();
        try {
            try (PdfX4 pdfx = pdf != null ? PdfX4.begin(canvas, pdf.beside(".image")) : null;
                 CmykTiff tif = tiff != null ? CmykTiff.begin(tiff.part(), canvas.widthPx(), canvas.heightPx(),
                         tiffTags(job, canvas, profileSha256, created)) : null;
                 FlateBlocks image = FlateBlocks.of(canvas.widthPx(), canvas.heightPx(),
                         tif != null ? tif::strip : null, pdfx != null ? pdfx::imageData : null)) {
                CanvasPass.run(bands, image);
                image.finish();
                if (tif != null) {
                    tif.finish();
                }
                if (pdf != null && pdfx != null) {
                    pdfx.finish(pdf.part(), job, profileSha256, created,
                            documentId(PrintFileFormat.PDF_X4, description(job, canvas, profileSha256)));
                }
            }
            List<PrintFile> files = new ArrayList<>();
            if (pdf != null) {
                files.add(moveIntoPlace(PrintFileFormat.PDF_X4, pdf.part(), pdf.target()));
            }
            if (tiff != null) {
                files.add(moveIntoPlace(PrintFileFormat.TIFF, tiff.part(), tiff.target()));
            }
            return new PrintFiles(canvas.widthPx(), canvas.heightPx(), canvas.dpi(), profileSha256, files);
        } finally {
            if (pdf != null) {
                Files.deleteIfExists(pdf.part());
            }
            if (tiff != null) {
                Files.deleteIfExists(tiff.part());
            }
        }
    }

    /** Where one format goes: written to {@code part} beside {@code target}, moved onto it once whole. */
    record Output(Path part, Path target) {

        /** A working file of the writer's beside the part, named after it. */
        Path beside(String suffix) {
            return part.resolveSibling(part.getFileName() + suffix);
        }

        /**
         * The output of {@code format} when the job asks for it, else null.
         *
         * @throws IllegalArgumentException the job asks for the format and {@code target} is null
         */
        static @Nullable Output wanted(Set<PrintFileFormat> formats, PrintFileFormat format, @Nullable Path target) {
            if (!formats.contains(format)) {
                return null;
            }
            if (target == null) {
                throw new IllegalArgumentException("the job asks for " + formats + " but a path is missing");
            }
            return new Output(PrintFileWriter.part(target), target);
        }
    }

    private static CmykTiff.Tags tiffTags(RenderJob job, PlacementCanvas canvas, String profileSha256,
                                          Instant created) {
        String xmp = XmpPacket.of(job, canvas, profileSha256, created,
                documentId(PrintFileFormat.TIFF, description(job, canvas, profileSha256)), false);
        return new CmykTiff.Tags(description(job, canvas, profileSha256), xmp, canvas.dpi(),
                "Platen " + job.provenance().engineVersion(), created, job.outputCondition().profileBytes());
    }

    /** The provenance in one line for TIFF ImageDescription, which many tools show and few show XMP. */
    static String description(RenderJob job, PlacementCanvas canvas, String profileSha256) {
        return description(job.provenance(), job.outputCondition(), job.bleedInches(), canvas, profileSha256);
    }

    static String description(Provenance p, OutputCondition condition, double bleedInches, PlacementCanvas canvas,
                              String profileSha256) {
        return "Platen print file; placement=" + p.title() + "; canvas=" + canvas.widthPx() + "x"
                + canvas.heightPx() + " px at " + canvas.dpi() + " dpi, bleed " + bleedInches
                + " in; output-condition=" + condition.identifier() + "; profile-sha256=" + profileSha256
                + "; intent=" + p.renderingIntent() + "; bpc=" + p.blackPointCompensation() + "; artwork-sha256="
                + p.artworkSha256() + "; engine=" + p.engineVersion()
                + "; reproducible: dated by the artwork's receipt, ids from this line";
    }

    /**
     * The file's XMP DocumentID (and the PDF's trailer /ID): a name-based UUID (RFC 4122 version 3) of its format and
     * its whole provenance line, which names everything its bytes depend on. A random id would make two files of the
     * same art, tier and stock differ in every order; this one is the same exactly when the files are.
     */
    static UUID documentId(PrintFileFormat format, String description) {
        return UUID.nameUUIDFromBytes((format.wireName() + "\n" + description)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Path part(Path out) {
        return out.resolveSibling(out.getFileName() + ".part");
    }

    static PrintFile moveIntoPlace(PrintFileFormat format, Path part, Path out) throws IOException {
        try {
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        }
        return new PrintFile(format, out, Files.size(out));
    }
}
