package dev.platen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Content-addressed storage. Objects are named by their SHA-256, so the same bytes are stored once, a stored
 * object never changes, and a reader never sees one half-written.
 */
public interface ObjectStore {

    /**
     * Moves a finished local file into the store under its SHA-256 (computed here). The file is consumed.
     */
    StoredObject put(Path finishedFile) throws IOException;

    Optional<StoredObject> find(String sha256);

    InputStream open(String sha256) throws IOException;

    /**
     * A path to read the object from on this node's disk (decoders such as ImageIO and PDFBox want random
     * access). For the local store it is the object itself; it must be treated as read-only.
     */
    Path readablePath(String sha256) throws IOException;

    /** A fresh temporary file on the same volume as the store, so that {@link #put} can move it atomically. */
    Path newTempFile() throws IOException;
}
