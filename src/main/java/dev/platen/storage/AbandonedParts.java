package dev.platen.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Removes what a crash left in a temporary folder: half-written uploads and files never moved into place. Run when a
 * store opens (its {@code tmp}), and when the web server starts (the folder Tomcat parses uploads into). A file still
 * being written has just been touched (an upload writes as its bytes arrive, and a slow one is cut off by the
 * engine's minimum upload rate), so only files untouched for a while go; that also spares the uploads of another
 * node that shares the folder.
 */
public final class AbandonedParts {

    /** A store's temporary files: written at disk speed, so ten minutes untouched is long abandoned. */
    static final Duration IDLE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(AbandonedParts.class);

    private AbandonedParts() {
    }

    /** @return how many files were removed */
    static int sweep(Path tmp, Instant now) {
        return sweep(tmp, now, IDLE);
    }

    /**
     * Removes the files of {@code tmp} untouched for {@code idle}.
     *
     * @return how many files were removed
     */
    public static int sweep(Path tmp, Instant now, Duration idle) {
        Instant before = now.minus(idle);
        int removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp)) {
            for (Path file : files) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        long size = Files.size(file);
                        if (Files.deleteIfExists(file)) {
                            removed++;
                            bytes += size;
                        }
                    }
                } catch (IOException e) {
                    log.warn("Could not remove abandoned {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Could not list {} for abandoned uploads: {}", tmp, e.getMessage());
        }
        if (removed > 0) {
            log.info("Removed {} abandoned temporary files ({} bytes) from {}", removed, bytes, tmp);
        }
        return removed;
    }
}
