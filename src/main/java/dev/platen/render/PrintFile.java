package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import java.nio.file.Path;

/**
 * One print file as written. Its SHA-256, its name for the job ticket and for checking copies, is computed by the
 * object store that takes it (a second read of the whole file here cost as much again: 36 ms for the bench's 28 MB
 * TIFF with the digest compiled, 170 ms in a fresh JVM).
 *
 * @param bytes  its size on disk
 */
record PrintFile(PrintFileFormat format, Path path, long bytes) {
}
