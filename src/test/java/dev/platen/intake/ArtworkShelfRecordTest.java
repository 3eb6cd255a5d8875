package dev.platen.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.DecodedArtwork;
import dev.platen.storage.ObjectStore;
import dev.platen.testing.TestArt;
import dev.platen.testing.TestArtwork;
import dev.platen.testing.VectorArt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The artwork's record as the later steps read it: the header stored at upload is the header the file has (every
 * format, through the JSON it is stored as), and a stored header that no longer reads is read from the file once
 * and stored again.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:artwork-shelf-record;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=platenArtworkShelfRecord",
        "platen.storage.root=target/artwork-shelf-record-objects"
})
class ArtworkShelfRecordTest {

    @Autowired
    ArtworkShelf shelf;
    @Autowired
    CountedHeaders reader;
    @Autowired
    ObjectStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @TestConfiguration
    static class Counted {
        @Bean
        @Primary
        CountedHeaders countedHeaders(ArtworkLimits limits) {
            return new CountedHeaders(new ArtworkInspector(limits));
        }
    }

    /** The real inspector, its header reads counted. */
    static final class CountedHeaders implements ArtworkReader {
        final ArtworkReader real;
        final AtomicInteger headers = new AtomicInteger();

        CountedHeaders(ArtworkReader real) {
            this.real = real;
        }

        @Override
        public ArtworkHeader readHeader(Path file) {
            headers.incrementAndGet();
            return real.readHeader(file);
        }

        @Override
        public DecodedArtwork decodeFully(Path file) {
            return real.decodeFully(file);
        }

        @Override
        public ArtworkPixels pixels(Path file, double pdfPixelsPerInch) {
            return real.pixels(file, pdfPixelsPerInch);
        }
    }

    @Test
    void theRecordedHeaderIsTheFilesHeaderInEveryFormat() throws Exception {
        Map<String, byte[]> art = new LinkedHashMap<>();
        art.put("png", TestArtwork.png(320, 240));
        art.put("jpeg", TestArtwork.printableJpeg(400, 300));
        art.put("tiff", tiff());
        art.put("pdf", VectorArt.bytes());
        for (Map.Entry<String, byte[]> file : art.entrySet()) {
            String id = take(file.getValue(), "art." + file.getKey());
            ArtworkHeader fromFile = reader.real.readHeader(store.readablePath(id));
            int before = reader.headers.get();

            assertThat(shelf.header(id)).as(file.getKey()).isEqualTo(fromFile);
            assertThat(reader.headers.get()).as(file.getKey() + ": read from the record, not the file").isEqualTo(before);
        }
    }

    @Test
    void aStoredHeaderThatNoLongerReadsIsReadFromTheFileOnceAndStoredAgain() throws Exception {
        String id = take(TestArtwork.png(330, 250), "old.png");
        ArtworkHeader fromFile = reader.real.readHeader(store.readablePath(id));
        // as an older Platen might have left it: no findings, no format
        jdbc.sql("update artwork set header_json = '{}' where id = ?").param(id).update();
        int before = reader.headers.get();

        assertThat(shelf.find(id).orElseThrow().header()).as("the API's and the order intake's look-up")
                .isEqualTo(fromFile);
        assertThat(shelf.header(id)).as("the steps' look-up").isEqualTo(fromFile);

        assertThat(reader.headers.get() - before).as("file header reads for two look-ups").isEqualTo(1);
        String stored = jdbc.sql("select header_json from artwork where id = ?").param(id).query(String.class).single();
        assertThat(json.readValue(stored, ArtworkHeader.class)).isEqualTo(fromFile);
    }

    private String take(byte[] bytes, String name) throws Exception {
        return shelf.take(new ByteArrayInputStream(bytes), bytes.length, name).artwork().id();
    }

    private static byte[] tiff() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(TestArt.sharp(200, 150, 7), "tiff", out)).isTrue();
        return out.toByteArray();
    }
}
