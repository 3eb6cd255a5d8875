package dev.platen.artwork;

import dev.platen.storage.ObjectStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.awt.image.DataBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The decoded art of placements on this node (oriented, its samples and profile said: {@link ArtworkPixels}), kept
 * between the steps that need it, so that the print files and the soft proof of a placement are made from one
 * decode. Kept here, by the module that decodes, so that the inspection, the print files, the soft proof and the
 * review preview share it without one of them owning it for the others. Keyed by the artwork's SHA-256 (its id)
 * and the scale a PDF page is rendered at; raster art decodes the same at every scale and is kept once for all
 * tiers.
 *
 * <p>Bounded by {@code platen.artwork.decoded-cache-mib}, the bytes of the decoded images (a quarter of the max heap
 * by default; 0 keeps nothing), least recently used out first. An image larger than the whole budget is used by its
 * step and not kept. Held softly as well: the decoders' own budget is up to a third of the heap per decoder thread
 * ({@code max-decoded-bytes}), and a decode that needs the room the kept art holds gets it from the garbage
 * collector instead of an {@link OutOfMemoryError}.
 *
 * <p>Node memory: a job retried on this node finds what its first attempt decoded; a step that runs on another node,
 * or after its art was pushed out, decodes again (correct, and counted). Two steps asking at once for art not yet
 * held wait for one decode. Thread-safe. The image is shared: callers read it and never draw into it.
 *
 * <p>Metrics: {@code platen.decoded-art.gets} (tag {@code result}: {@code hit} served without decoding, {@code miss}
 * decoded by the call), {@code platen.decoded-art.evictions} (tag {@code cause}: {@code budget}, {@code memory}) and
 * the gauge {@code platen.decoded-art.bytes}.
 */
@Component
public class DecodedArt {

    /** The scale raster art is kept at: its pixels do not depend on the tier's DPI. */
    static final double ANY_SCALE = 0;

    /** What one decode is kept under. */
    record Key(String artworkSha256, double pdfPixelsPerInch) {
    }

    private final ArtworkReader reader;
    private final ObjectStore store;
    private final long budgetBytes;
    /** In access order: the first is the least recently used. */
    private final LinkedHashMap<Key, Held> held = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, CompletableFuture<ArtworkPixels>> decoding = new HashMap<>();
    private final ReferenceQueue<ArtworkPixels> collected = new ReferenceQueue<>();
    private long heldBytes;
    private final Counter hits;
    private final Counter misses;
    private final Counter budgetEvictions;
    private final Counter memoryEvictions;

    @Autowired
    DecodedArt(ArtworkReader reader, ObjectStore store, MeterRegistry registry,
               @Value("${platen.artwork.decoded-cache-mib:-1}") long budgetMib) {
        this(reader, store, budgetMib < 0 ? Runtime.getRuntime().maxMemory() / 4 : budgetMib << 20, registry);
    }

    DecodedArt(ArtworkReader reader, ObjectStore store, long budgetBytes, MeterRegistry registry) {
        this.reader = reader;
        this.store = store;
        this.budgetBytes = budgetBytes;
        this.hits = gets(registry, "hit");
        this.misses = gets(registry, "miss");
        this.budgetEvictions = evictions(registry, "budget");
        this.memoryEvictions = evictions(registry, "memory");
        Gauge.builder("platen.decoded-art.bytes", this, DecodedArt::heldBytes).baseUnit("bytes")
                .description("Bytes of decoded art kept on this node for the next step of its placement")
                .register(registry);
    }

    /**
     * The art's pixels for printing (see {@link ArtworkReader#pixels}), decoded by this call only when this node
     * holds none for the artwork at this scale.
     *
     * @param header the artwork's header, which says whether it is a PDF (rendered at the scale) or raster art
     */
    public ArtworkPixels pixels(String artworkId, ArtworkHeader header, double pdfPixelsPerInch) {
        Key key = new Key(artworkId, header.pdf() == null ? ANY_SCALE : pdfPixelsPerInch);
        return get(key, () -> reader.pixels(file(artworkId), pdfPixelsPerInch));
    }

    /**
     * Keeps raster art's pixels decoded elsewhere (the inspection step's whole decode, which is the print's
     * decode too), so that the steps after it find them here instead of decoding the file again.
     */
    synchronized void keepInspected(String artworkId, ArtworkHeader header, ArtworkPixels pixels) {
        if (header.pdf() == null) {
            dropCollected();
            keep(new Key(artworkId, ANY_SCALE), pixels);
        }
    }

    /** The pixels kept under the key, or those {@code decode} makes now (kept, within the budget). */
    ArtworkPixels get(Key key, Supplier<ArtworkPixels> decode) {
        while (true) {
            CompletableFuture<ArtworkPixels> future;
            boolean decodeHere;
            synchronized (this) {
                dropCollected();
                Held kept = held.get(key);
                ArtworkPixels pixels = kept == null ? null : kept.get();
                if (pixels != null) {
                    hits.increment();
                    return pixels;
                }
                if (kept != null) {
                    forget(kept, memoryEvictions);
                }
                CompletableFuture<ArtworkPixels> other = decoding.get(key);
                decodeHere = other == null;
                if (other == null) {
                    future = new CompletableFuture<>();
                    decoding.put(key, future);
                } else {
                    future = other;
                }
            }
            if (!decodeHere) {
                try {
                    ArtworkPixels pixels = waitFor(future, key);
                    hits.increment();
                    return pixels;
                } catch (ExecutionException failed) {
                    // The other caller's decode failed (a busy decoder, its step stopped at its time limit): this
                    // caller tries for itself and gets its own answer.
                    continue;
                }
            }
            misses.increment();
            ArtworkPixels pixels;
            try {
                pixels = decode.get();
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    decoding.remove(key);
                }
                future.completeExceptionally(e);
                throw e;
            }
            synchronized (this) {
                decoding.remove(key);
                keep(key, pixels);
            }
            future.complete(pixels);
            return pixels;
        }
    }

    /** Decodes served without decoding, by this cache. */
    double hits() {
        return hits.count();
    }

    /** Decodes made by this cache's callers. */
    double misses() {
        return misses.count();
    }

    synchronized long heldBytes() {
        return heldBytes;
    }

    /** Whether the key's art is kept, without counting as a use. */
    synchronized boolean holds(Key key) {
        return held.values().stream().anyMatch(kept -> kept.key.equals(key) && !kept.refersTo(null));
    }

    /** The memory a decoded image holds: its sample buffer (every bank), and its profile. */
    static long bytesOf(ArtworkPixels pixels) {
        DataBuffer buffer = pixels.image().getRaster().getDataBuffer();
        long samples = (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType())
                / 8;
        return samples + (pixels.iccProfile() == null ? 0 : pixels.iccProfile().length);
    }

    private void keep(Key key, ArtworkPixels pixels) {
        long bytes = bytesOf(pixels);
        if (bytes > budgetBytes) {
            return;
        }
        Held previous = held.put(key, new Held(key, pixels, bytes, collected));
        if (previous != null) {
            heldBytes -= previous.bytes;
        }
        heldBytes += bytes;
        Iterator<Held> leastRecent = held.values().iterator();
        while (heldBytes > budgetBytes && leastRecent.hasNext()) {
            Held out = leastRecent.next();
            leastRecent.remove();
            heldBytes -= out.bytes;
            budgetEvictions.increment();
        }
    }

    /** Forgets the art the garbage collector took back. */
    private void dropCollected() {
        for (Reference<? extends ArtworkPixels> ref; (ref = collected.poll()) != null; ) {
            Held gone = (Held) ref;
            // remove(key, value), not get: a look-up would count as a use and reorder the map
            if (held.remove(gone.key, gone)) {
                heldBytes -= gone.bytes;
                memoryEvictions.increment();
            }
        }
    }

    private void forget(Held kept, Counter cause) {
        held.remove(kept.key);
        heldBytes -= kept.bytes;
        cause.increment();
    }

    private static ArtworkPixels waitFor(CompletableFuture<ArtworkPixels> other, Key key) throws ExecutionException {
        try {
            return other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the decode of artwork " + key.artworkSha256(),
                    e);
        }
    }

    private java.nio.file.Path file(String artworkId) {
        try {
            return store.readablePath(artworkId);
        } catch (IOException e) {
            throw new UncheckedIOException("artwork " + artworkId + " cannot be read from the store", e);
        }
    }

    private static Counter gets(MeterRegistry registry, String result) {
        return Counter.builder("platen.decoded-art.gets").tag("result", result)
                .description("Requests for a placement's decoded art: hit served from this node's memory, miss decoded")
                .register(registry);
    }

    private static Counter evictions(MeterRegistry registry, String cause) {
        return Counter.builder("platen.decoded-art.evictions").tag("cause", cause)
                .description("Decoded art let go: past the budget (least recently used first), or taken back by the "
                        + "garbage collector")
                .register(registry);
    }

    /** One kept decode: softly held, with the bytes it was counted at. */
    private static final class Held extends SoftReference<ArtworkPixels> {
        final Key key;
        final long bytes;

        Held(Key key, ArtworkPixels pixels, long bytes, ReferenceQueue<ArtworkPixels> queue) {
            super(pixels, queue);
            this.key = key;
            this.bytes = bytes;
        }
    }
}
