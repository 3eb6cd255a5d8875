package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a render wrote: the files and the canvas they hold.
 *
 * @param widthPx       canvas width in pixels, bleed included
 * @param heightPx      canvas height in pixels, bleed included
 * @param dpi           the canvas resolution, the tier's target DPI
 * @param profileSha256 SHA-256 of the ICC profile embedded in every file
 */
record PrintFiles(int widthPx, int heightPx, int dpi, String profileSha256, List<PrintFile> files) {

    public PrintFiles {
        files = List.copyOf(files);
    }

    public Optional<PrintFile> file(PrintFileFormat format) {
        return files.stream().filter(f -> f.format() == format).findFirst();
    }
}
