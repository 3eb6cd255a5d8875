package dev.platen.artwork;

import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredObject;
import dev.platen.testing.TestArtwork;
import dev.platen.testing.VectorArt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The node's decoded art: within its byte budget, least recently used out first, one decode for callers at once. */
class DecodedArtTest {

    /** A 100 x 100 RGB image of 3 bytes a pixel: 30,000 bytes, as the cache counts them. */
    private static final long ONE = 100 * 100 * 3;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void keepsArtWithinItsBudgetAndLetsTheLeastRecentlyUsedGoFirst() {
        DecodedArt cache = new DecodedArt(null, null, 2 * ONE + ONE / 2, registry);
        AtomicInteger decodes = new AtomicInteger();
        DecodedArt.Key a = key("a");
        DecodedArt.Key b = key("b");
        DecodedArt.Key c = key("c");

        ArtworkPixels first = cache.get(a, () -> decoded(decodes));
        cache.get(b, () -> decoded(decodes));
        assertThat(cache.get(a, () -> decoded(decodes))).as("a kept, not decoded again").isSameAs(first);
        cache.get(c, () -> decoded(decodes)); // three do not fit: b, used longest ago, goes

        assertThat(decodes).hasValue(3);
        assertThat(cache.holds(a)).isTrue();
        assertThat(cache.holds(b)).isFalse();
        assertThat(cache.holds(c)).isTrue();
        assertThat(cache.heldBytes()).isEqualTo(2 * ONE);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(3);
        assertThat(registry.get("platen.decoded-art.evictions").tag("cause", "budget").counter().count()).isEqualTo(1);
        assertThat(registry.get("platen.decoded-art.bytes").gauge().value()).isEqualTo(2 * ONE);

        cache.get(b, () -> decoded(decodes));
        assertThat(decodes).as("b was let go, so it is decoded again").hasValue(4);
        assertThat(cache.holds(a)).as("a was used before c: it goes next").isFalse();
        assertThat(cache.holds(c)).isTrue();
    }

    @Test
    void artLargerThanTheWholeBudgetIsUsedButNotKept() {
        DecodedArt cache = new DecodedArt(null, null, ONE - 1, registry);
        AtomicInteger decodes = new AtomicInteger();

        assertThat(cache.get(key("big"), () -> decoded(decodes)).image().getWidth()).isEqualTo(100);
        cache.get(key("big"), () -> decoded(decodes));

        assertThat(decodes).hasValue(2);
        assertThat(cache.heldBytes()).isZero();
    }

    @Test
    void aBudgetOfNothingKeepsNothing() {
        DecodedArt cache = new DecodedArt(null, null, 0, registry);
        AtomicInteger decodes = new AtomicInteger();
        cache.get(key("a"), () -> decoded(decodes));
        cache.get(key("a"), () -> decoded(decodes));
        assertThat(decodes).hasValue(2);
        assertThat(cache.misses()).isEqualTo(2);
    }

    @Test
    void callersAskingAtOnceShareOneDecode() throws Exception {
        int callers = 8;
        DecodedArt cache = new DecodedArt(null, null, 10 * ONE, registry);
        AtomicInteger decodes = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(callers);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ArtworkPixels>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(threads.submit(() -> {
                    allAsking.countDown();
                    return cache.get(key("shared"), () -> {
                        // the first caller's decode lasts until every caller has asked
                        await(allAsking);
                        return decoded(decodes);
                    });
                }));
            }
            ArtworkPixels first = answers.get(0).get(30, TimeUnit.SECONDS);
            for (Future<ArtworkPixels> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(decodes).hasValue(1);
        assertThat(cache.misses()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(callers - 1);
    }

    @Test
    void aFailedDecodeIsNotKeptAndTheNextCallerTriesAgain() {
        DecodedArt cache = new DecodedArt(null, null, 10 * ONE, registry);
        AtomicInteger decodes = new AtomicInteger();
        assertThatThrownBy(() -> cache.get(key("a"), () -> {
            decodes.incrementAndGet();
            throw new IllegalStateException("decoder busy");
        })).hasMessage("decoder busy");

        assertThat(cache.get(key("a"), () -> decoded(decodes))).isNotNull();
        assertThat(decodes).hasValue(2);
        assertThat(cache.holds(key("a"))).isTrue();
    }

    /** The real inspector, counted: raster art is decoded once for every tier, a PDF page once per scale. */
    @Test
    void rasterArtIsKeptOnceForAllScalesAndAPdfPageOncePerScale() throws Exception {
        Path png = Files.write(dir.resolve("art.png"), TestArtwork.png(300, 200));
        Path pdf = dir.resolve("art.pdf");
        VectorArt.write(pdf);
        Counting reader = new Counting(new ArtworkInspector(ArtworkLimits.defaults()));
        DecodedArt cache = new DecodedArt(reader, new Folder(dir), 64L << 20, registry);
        ArtworkHeader raster = reader.real.readHeader(png);
        ArtworkHeader page = reader.real.readHeader(pdf);

        ArtworkPixels at300 = cache.pixels("art.png", raster, 300);
        ArtworkPixels at150 = cache.pixels("art.png", raster, 150);
        assertThat(at150).isSameAs(at300);
        assertThat(at300.image().getWidth()).isEqualTo(300);
        assertThat(reader.pixels).as("raster decodes").hasValue(1);

        int wide300 = cache.pixels("art.pdf", page, 300).image().getWidth();
        int wide150 = cache.pixels("art.pdf", page, 150).image().getWidth();
        cache.pixels("art.pdf", page, 300);
        assertThat(wide300).isCloseTo(2 * wide150, within(1));
        assertThat(reader.pixels).as("decodes: the raster art once, the page at two scales").hasValue(3);
        assertThat(cache.hits()).isEqualTo(2);
    }

    private static DecodedArt.Key key(String artwork) {
        return new DecodedArt.Key(artwork, DecodedArt.ANY_SCALE);
    }

    private static ArtworkPixels decoded(AtomicInteger decodes) {
        decodes.incrementAndGet();
        return new ArtworkPixels(new BufferedImage(100, 100, BufferedImage.TYPE_3BYTE_BGR), "RGB", null, List.of(),
                PixelSource.decoded(PixelCoding.LOSSLESS));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not every caller asked");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The real reader, its pixel decodes counted. */
    static final class Counting implements ArtworkReader {
        final ArtworkReader real;
        final AtomicInteger pixels = new AtomicInteger();

        Counting(ArtworkReader real) {
            this.real = real;
        }

        @Override
        public ArtworkHeader readHeader(Path file) {
            throw new AssertionError("the cache never reads a header");
        }

        @Override
        public DecodedArtwork decodeFully(Path file) {
            throw new AssertionError("the cache never decodes for inspection");
        }

        @Override
        public ArtworkPixels pixels(Path file, double pdfPixelsPerInch) {
            pixels.incrementAndGet();
            return real.pixels(file, pdfPixelsPerInch);
        }
    }

    /** Artwork files by name in a folder: all the cache asks of the store. */
    private record Folder(Path dir) implements ObjectStore {
        @Override
        public Path readablePath(String sha256) {
            return dir.resolve(sha256);
        }

        @Override
        public StoredObject put(Path finishedFile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<StoredObject> find(String sha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String sha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String sha256, long offset, long length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Path newTempFile() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean intact(String sha256) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<URI> presignedUrl(String sha256, Duration validFor) {
            throw new UnsupportedOperationException();
        }
    }
}
