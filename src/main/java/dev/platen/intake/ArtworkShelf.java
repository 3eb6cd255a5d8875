package dev.platen.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredObject;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes in artwork uploads: copies the bytes to a temporary file within the byte limit, reads the header
 * (which checks the pixel limits before any decoding), and only then stores the file content-addressed and
 * records it. A rejected upload leaves nothing behind.
 */
@Component
class ArtworkShelf {

    private final ObjectStore store;
    private final ArtworkReader reader;
    private final ArtworkLimits limits;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ArtworkShelf(ObjectStore store, ArtworkReader reader, ArtworkLimits limits, JdbcClient jdbc, ObjectMapper json) {
        this.store = store;
        this.reader = reader;
        this.limits = limits;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The stored artwork and whether this upload created it (false: the same bytes were already here). */
    record Shelved(UploadedArtwork artwork, boolean created) {
    }

    Shelved take(InputStream upload, long declaredBytes, String originalName) throws IOException {
        if (declaredBytes > limits.maxUploadBytes()) {
            throw tooLarge();
        }
        Path temp = store.newTempFile();
        try {
            long copied;
            try (OutputStream out = Files.newOutputStream(temp)) {
                copied = copyAtMost(upload, out, limits.maxUploadBytes());
            }
            if (copied == 0) {
                throw ArtworkRejected.emptyFile("The uploaded file is empty.");
            }
            ArtworkHeader header = reader.readHeader(temp);
            StoredObject stored = store.put(temp);
            Optional<UploadedArtwork> existing = find(stored.sha256());
            if (existing.isPresent()) {
                return new Shelved(existing.get(), false);
            }
            UploadedArtwork artwork = new UploadedArtwork(stored.sha256(), stored.bytes(), clean(originalName), header,
                    Instant.now());
            try {
                jdbc.sql("insert into artwork (id, format, bytes, original_name, header_json, created_at) values (?,?,?,?,?,?)")
                        .params(artwork.id(), header.format().wireName(), artwork.bytes(), artwork.originalName(),
                                write(header), Timestamp.from(artwork.createdAt()))
                        .update();
            } catch (DuplicateKeyException raced) {
                // The same bytes arrived twice at once; the other request recorded them.
                return new Shelved(find(stored.sha256()).orElseThrow(), false);
            }
            return new Shelved(artwork, true);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    Optional<UploadedArtwork> find(String id) {
        return jdbc.sql("select * from artwork where id = ?").param(id)
                .query((rs, n) -> new UploadedArtwork(rs.getString("id"), rs.getLong("bytes"),
                        rs.getString("original_name"), read(rs.getString("header_json")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private ArtworkRejected tooLarge() {
        return ArtworkRejected.fileTooLarge("The upload is larger than the limit of " + limits.maxUploadBytes() + " bytes.");
    }

    private long copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw tooLarge();
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static String clean(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private String write(ArtworkHeader header) {
        try {
            return json.writeValueAsString(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers are plain records and always serialise", e);
        }
    }

    private ArtworkHeader read(String text) {
        try {
            return json.readValue(text, ArtworkHeader.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("artwork.header_json holds JSON written by this class", e);
        }
    }
}
