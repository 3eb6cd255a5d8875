package dev.platen.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredObject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes in artwork uploads: copies the bytes to a temporary file within the byte limit, reads the header
 * (which checks the pixel limits before any decoding), and only then stores the file content-addressed and
 * records it. A rejected upload leaves nothing behind. The record is where every later step takes the header
 * from ({@link ArtworkRecords}): the file's header is read once, here.
 */
@Component
class ArtworkShelf implements ArtworkRecords {

    private static final Logger log = LoggerFactory.getLogger(ArtworkShelf.class);

    private final ObjectStore store;
    private final ArtworkReader reader;
    private final ArtworkLimits limits;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final Clock clock;

    ArtworkShelf(ObjectStore store, ArtworkReader reader, ArtworkLimits limits, JdbcClient jdbc, ObjectMapper json,
                 Clock clock) {
        this.clock = clock;
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
                    clock.instant());
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
        record Row(String id, long bytes, String originalName, String headerJson, Instant createdAt) {
        }
        return jdbc.sql("select * from artwork where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString("id"), rs.getLong("bytes"), rs.getString("original_name"),
                        rs.getString("header_json"), rs.getTimestamp("created_at").toInstant()))
                .optional()
                .map(row -> new UploadedArtwork(row.id(), row.bytes(), row.originalName(),
                        headerOf(row.id(), row.headerJson()), row.createdAt()));
    }

    @Override
    public Instant received(String artworkId) {
        return jdbc.sql("select created_at from artwork where id = ?").param(artworkId).query(Timestamp.class)
                .optional().map(Timestamp::toInstant)
                .orElseThrow(() -> new IllegalArgumentException("no artwork " + artworkId));
    }

    @Override
    public ArtworkHeader header(String artworkId) {
        String stored = jdbc.sql("select header_json from artwork where id = ?").param(artworkId)
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no artwork " + artworkId));
        return headerOf(artworkId, stored);
    }

    /**
     * The stored header; one written by an older shape of ArtworkHeader that no longer reads is read from the file
     * once more and stored in today's shape, so that this happens once per artwork and not once per step.
     */
    private ArtworkHeader headerOf(String artworkId, String stored) {
        try {
            return json.readValue(stored, ArtworkHeader.class);
        } catch (JsonProcessingException e) {
            log.info("artwork {}: stored header no longer reads ({}); reading the file's header again", artworkId,
                    e.getOriginalMessage());
        }
        ArtworkHeader header;
        try {
            header = reader.readHeader(store.readablePath(artworkId));
        } catch (IOException io) {
            throw new UncheckedIOException("artwork " + artworkId + " cannot be read from the store", io);
        }
        jdbc.sql("update artwork set header_json = ? where id = ?").params(write(header), artworkId).update();
        return header;
    }

    @Override
    public Optional<String> previewSha256(String artworkId) {
        return jdbc.sql("select preview_sha256 from artwork where id = ?").param(artworkId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(p -> p);
    }

    @Override
    public void recordPreview(String artworkId, String pngSha256) {
        jdbc.sql("update artwork set preview_sha256 = ? where id = ?").params(pngSha256, artworkId).update();
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

    private static @Nullable String clean(@Nullable String name) {
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
}
