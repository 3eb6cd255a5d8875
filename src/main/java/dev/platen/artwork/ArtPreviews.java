package dev.platen.artwork;

import dev.platen.storage.ObjectStore;
import org.springframework.stereotype.Component;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The customer's art as the review pages show it: a PNG of at most {@link #LONG_EDGE} px, made once per artwork from
 * the pixels the inspection step decodes (the same decode the print files and the soft proof then use, see
 * {@link DecodedArt}), stored content-addressed and named in the artwork's record. A page view reads the stored
 * file; it never decodes the art.
 *
 * <p>Why not the stored soft-proof images: an operator also sees placements held before any proof is made (no tier
 * fits, doubtful art), and the proof's "before" is drawn beside its proof in one image. Why not at upload: an upload
 * reads only the header, so that a burst of uploads never waits for the decoders.
 */
@Component
public class ArtPreviews {

    /** The preview's long edge: the art column of the placement page, on a retina-class screen. */
    public static final int LONG_EDGE = 800;
    /** A PDF page is previewed at its own size in points, one pixel each, before the reduction to the long edge. */
    static final double PDF_PIXELS_PER_INCH = 72;

    private final ArtworkRecords records;
    private final DecodedArt decoded;
    private final ObjectStore store;

    ArtPreviews(ArtworkRecords records, DecodedArt decoded, ObjectStore store) {
        this.records = records;
        this.decoded = decoded;
        this.store = store;
    }

    /**
     * The stored preview of the artwork. Art inspected before previews were made gets its preview here, decoded
     * once and stored for every later view.
     *
     * @throws dev.platen.artwork.ArtworkRejected when the art cannot be decoded (and so has no preview)
     */
    public Path png(String artworkId) throws IOException {
        Optional<String> stored = records.previewSha256(artworkId);
        if (stored.isPresent()) {
            return store.readablePath(stored.get());
        }
        byte[] png = draw(decoded.pixels(artworkId, records.header(artworkId), PDF_PIXELS_PER_INCH));
        return store.readablePath(keep(artworkId, png));
    }

    /**
     * The preview PNG of the artwork when it has none yet, else empty: drawn from its pixels for printing (raster
     * art: the decode the print files and the soft proof then take from {@link DecodedArt}) or its page at 72 ppi
     * (PDF). The caller runs this on its step's clock and stores the result with {@link #keep}.
     */
    Optional<byte[]> drawIfMissing(String artworkId, ArtworkHeader header) {
        if (records.previewSha256(artworkId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(draw(decoded.pixels(artworkId, header, PDF_PIXELS_PER_INCH)));
    }

    /** Stores the PNG and names it in the artwork's record; returns its SHA-256. */
    String keep(String artworkId, byte[] png) {
        try {
            Path temp = store.newTempFile();
            Files.write(temp, png);
            String sha256 = store.put(temp).sha256();
            records.recordPreview(artworkId, sha256);
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("storing the preview of artwork " + artworkId + " failed", e);
        }
    }

    /** The art reduced to the long edge, drawn as the review page drew it on every view before (Java2D, bicubic). */
    static byte[] draw(ArtworkPixels pixels) {
        BufferedImage image = screenReadable(pixels.image());
        double scale = Math.min(1.0, (double) LONG_EDGE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage preview = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = preview.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return ScreenPng.of(preview);
    }

    /**
     * The art as Java2D scales it without a detour: art of no standard type (16-bit RGB, grey with alpha: Java2D has
     * no loops of its own for them) copied into packed ARGB through {@link ArgbRows} first. Java2D makes the same
     * full-size ARGB copy itself before scaling such art, but asks the colour model pixel by pixel for it (a 16-bit
     * 3000x3000 logo: 365 ms for the preview, 80 ms with the copy; the same pixels). Palettes and the standard types
     * it scales from their own layout.
     */
    private static BufferedImage screenReadable(BufferedImage art) {
        if (art.getType() != BufferedImage.TYPE_CUSTOM) {
            return art;
        }
        ArgbRows rows = ArgbRows.of(art);
        BufferedImage copy = new BufferedImage(art.getWidth(), art.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int[] packed = ((java.awt.image.DataBufferInt) copy.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < art.getHeight(); y++) {
            rows.read(0, y, art.getWidth(), packed, y * art.getWidth());
        }
        return copy;
    }
}
