package dev.platen.color;

import dev.platen.storage.ContentDigest;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A bounded, thread-safe, least-recently-used cache of transforms, keyed by the SHA-256 of the profiles'
 * bytes, the pixel formats, intents and lcms flags. Building a CLUT transform costs milliseconds to tens of
 * milliseconds; converting a job's worth of pixels with the same pair of profiles should pay that once.
 *
 * <p>Each call returns a transform of its own that the caller closes; it shares the native transform with
 * the cache. Eviction and {@link #close()} only drop the cache's reference, so a transform in use on another
 * thread stays valid until its user closes it. Profiles may be closed once a transform is obtained.
 *
 * <p>Two threads missing on the same key at once may both build the transform; one result is kept and the
 * other closed. Building outside the lock keeps one slow build from blocking every other lookup.
 *
 * <p>Beside the transforms it keeps the {@link CheckedGrid}s of exact separations, under the key of the exact
 * transform they stand for. A grid costs a few hundred milliseconds of exact evaluation, so it is built once: a
 * second thread asking while it is being built waits for it instead of building another.
 */
public final class TransformCache implements AutoCloseable {

    private final int capacity;
    private final LinkedHashMap<TransformKey, ColorTransform> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** The grids, least recently used first; each about 2.4 MB of heap, so fewer than the transforms. */
    private final LinkedHashMap<TransformKey, CompletableFuture<CheckedGrid>> grids = new LinkedHashMap<>(16, 0.75f, true);
    private final int gridCapacity;
    private long hits;
    private long misses;
    private boolean closed;

    /** @param capacity most transforms kept; each is typically a few hundred kB of native memory */
    public TransformCache(int capacity) {
        this(capacity, null);
    }

    /**
     * @param gridFolder where built {@link CheckedGrid}s are saved and looked for first, so that a restarted
     *                   process reads in milliseconds what takes half a second of CPU to build; null keeps them in
     *                   memory only
     */
    public TransformCache(int capacity, java.nio.file.@Nullable Path gridFolder) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.gridCapacity = Math.min(capacity, MAX_GRIDS);
        this.gridFolder = gridFolder;
    }

    private final java.nio.file.@Nullable Path gridFolder;

    /** Art profiles times stocks in use at once: sRGB and a few embedded RGB profiles on each of a few stocks. */
    private static final int MAX_GRIDS = 8;

    /** Like {@link ColorTransform#create(ColorProfile, PixelFormat, ColorProfile, PixelFormat, RenderingIntent, boolean)}. */
    public ColorTransform transform(ColorProfile source, PixelFormat sourceFormat, ColorProfile target,
                                    PixelFormat targetFormat, RenderingIntent intent, boolean blackPointCompensation) {
        return transform(source, sourceFormat, target, targetFormat, RenderingOptions.of(intent, blackPointCompensation));
    }

    /** Like {@link ColorTransform#create(ColorProfile, PixelFormat, ColorProfile, PixelFormat, RenderingOptions)}. */
    public ColorTransform transform(ColorProfile source, PixelFormat sourceFormat, ColorProfile target,
                                    PixelFormat targetFormat, RenderingOptions rendering) {
        return get(new TransformSpec(source, sourceFormat, target, targetFormat,
                rendering));
    }

    /**
     * The checked grid of the exact separation from RGB {@code source} to CMYK {@code target} with {@code
     * rendering} ({@link Precision#EXACT}, its intent, BPC and ink limit): the one built before for the same
     * profiles' bytes and options, or a new one.
     *
     * @throws IllegalArgumentException if the conversion is not RGB to CMYK with exact evaluation, or preserves black
     */
    public CheckedGrid checkedGrid(ColorProfile source, ColorProfile target, RenderingOptions rendering) {
        Objects.requireNonNull(rendering, "rendering");
        if (source.colorSpace() != ColorSpace.RGB || target.colorSpace() != ColorSpace.CMYK
                || rendering.precision() != Precision.EXACT || rendering.preserveBlack()) {
            throw new IllegalArgumentException("a checked grid stands for an exact RGB to CMYK separation, not "
                    + source.colorSpace() + " to " + target.colorSpace() + " " + rendering);
        }
        TransformSpec exact8 = new TransformSpec(source, PixelFormat.RGB_8, target, PixelFormat.CMYK_8, rendering);
        TransformKey key = exact8.key();
        CompletableFuture<CheckedGrid> mine = new CompletableFuture<>();
        CompletableFuture<CheckedGrid> theirs;
        synchronized (this) {
            ensureOpen();
            theirs = grids.get(key);
            if (theirs == null) {
                grids.put(key, mine);
                Iterator<CompletableFuture<CheckedGrid>> eldest = grids.values().iterator();
                while (grids.size() > gridCapacity) {
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        java.nio.file.Path saved = gridFolder == null ? null : gridFolder.resolve(gridFileName(key));
        CheckedGrid grid = saved == null ? null : readSaved(saved);
        if (grid != null) {
            mine.complete(grid);
            return grid;
        }
        try (ColorTransform exact16 = ColorTransform.of(new TransformSpec(source, PixelFormat.RGB_8, target,
                PixelFormat.CMYK_16, rendering))) {
            grid = CheckedGrid.build(exact16);
            mine.complete(grid);
            if (saved != null) {
                save(grid, saved);
            }
            return grid;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                grids.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The saved grid's name: the SHA-256 of what it stands for (both profiles' SHA-256, formats, intent, flags, ink
     * limit) and of the lcms version that evaluated it, since another version may round differently.
     */
    static String gridFileName(TransformKey key) {
        String what = key + "|lcms " + Lcms.LIB.cmsGetEncodedCMMversion();
        return ContentDigest.sha256Hex(what.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".grid";
    }

    private static @Nullable CheckedGrid readSaved(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.isRegularFile(file) ? CheckedGrid.readFrom(file) : null;
        } catch (java.io.IOException e) {
            return null; // unreadable: build it again, and save it over the bad copy
        }
    }

    /** Written next to its place and moved there, so a reader never sees half a grid; a failure only costs speed. */
    private static void save(CheckedGrid grid, java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Path part = java.nio.file.Files.createTempFile(file.getParent(), "grid", ".part");
            try {
                grid.writeTo(part);
                java.nio.file.Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                java.nio.file.Files.deleteIfExists(part);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // A read-only or full disk: the grid still serves from memory.
        }
    }

    /** How many grids are kept. */
    public synchronized int grids() {
        return grids.size();
    }

    ColorTransform get(TransformSpec spec) {
        TransformKey key = spec.key();
        synchronized (this) {
            ensureOpen();
            ColorTransform cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached.share();
            }
            misses++;
        }
        ColorTransform built = ColorTransform.of(spec);
        List<ColorTransform> evicted = new ArrayList<>();
        ColorTransform result;
        synchronized (this) {
            if (closed) {
                return built;  // the caller owns it alone; the cache is gone
            }
            ColorTransform raced = entries.get(key);
            if (raced != null) {
                evicted.add(built);
                result = raced.share();
            } else {
                entries.put(key, built);
                result = built.share();
                Iterator<Map.Entry<TransformKey, ColorTransform>> eldest = entries.entrySet().iterator();
                while (entries.size() > capacity) {
                    evicted.add(eldest.next().getValue());
                    eldest.remove();
                }
            }
        }
        evicted.forEach(ColorTransform::close);
        return result;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("transform cache is closed");
        }
    }

    /** Drops every cached transform; transforms handed out stay usable until their owners close them. */
    @Override
    public void close() {
        List<ColorTransform> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(entries.values());
            entries.clear();
            grids.clear();
        }
        all.forEach(ColorTransform::close);
    }
}
