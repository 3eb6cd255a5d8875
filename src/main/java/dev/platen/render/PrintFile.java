package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import java.nio.file.Path;

/**
 * One print file as written.
 *
 * @param bytes  its size on disk
 * @param sha256 SHA-256 of the whole file, lower-case hex, for the job ticket and for checking copies
 */
record PrintFile(PrintFileFormat format, Path path, long bytes, String sha256) {
}
