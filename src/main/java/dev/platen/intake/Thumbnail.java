package dev.platen.intake;

import dev.platen.proof.ProofSheet;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** A smaller copy of a stored screen image, for pages that show many or show them small. */
final class Thumbnail {

    private Thumbnail() {
    }

    static byte[] png(Path image, int width) throws IOException {
        BufferedImage source = ImageIO.read(image.toFile());
        if (source == null) {
            throw new IOException("not an image: " + image);
        }
        int w = Math.min(width, source.getWidth());
        int h = Math.max(1, (int) Math.round((double) source.getHeight() * w / source.getWidth()));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        // Bicubic on a single step is soft enough for a reduction of up to about 4x, which is all a page asks for.
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return ProofSheet.png(small); // the screen images' one PNG writer
    }
}
