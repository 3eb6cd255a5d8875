package dev.platen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    /** The whole object. A store that fetches it over the network checks its SHA-256 when the stream ends. */
    InputStream open(String sha256) throws IOException;

    /** {@code length} bytes from {@code offset} (fewer if the object ends first), for HTTP range requests. */
    InputStream open(String sha256, long offset, long length) throws IOException;

    /**
     * A path to read the object from on this node's disk (decoders such as ImageIO and PDFBox want random
     * access). For the local store it is the object itself; for a remote store a verified copy in this node's
     * cache, which no other node needs. It must be treated as read-only.
     */
    Path readablePath(String sha256) throws IOException;

    /** A fresh temporary file on this node, where {@link #put} can take it from cheaply. */
    Path newTempFile() throws IOException;

    /**
     * Reads the stored bytes again and checks they still hash to their name: for checks after a restore from
     * backup, or of a suspect object. False if the object is missing or damaged.
     */
    boolean intact(String sha256) throws IOException;

    /**
     * A URL that lets anyone holding it download the object directly from the store until it expires, if the
     * store can issue one (S3 presigned GET); empty for the local disk.
     */
    Optional<URI> presignedUrl(String sha256, Duration validFor);
}
