package dev.platen.testing;

import dev.platen.color.TransformCache;

/**
 * The colour transforms and checked grids of a test JVM, shared by its tests as a running engine shares them between
 * placements (its {@code transformCache} bean, of the same size).
 *
 * <p>Why: a proof or separation made with a cache of its own builds its lcms transforms and, for exact separation, a
 * checked grid (3 to 4 s of CPU a stock; 0.4 s before 2026-12-06 evening) every time. {@code ProofSheetTest} made 15 proofs that way: 27.8 s of
 * its run against 16.7 s with this cache (2026-12-06, the class alone). Tests of the cache itself and of a grid's
 * build keep caches of their own.
 *
 * <p>The grids are kept in memory only, not saved as the engine saves them: a grid saved by an earlier build of the
 * code would be read back under the same name and test yesterday's grid. Never closed: it lives as long as the JVM,
 * whose exit frees the native transforms. It is thread-safe (classes run two at a time), and a transform it hands out
 * stays valid until its user closes it, evicted or not.
 */
public final class EngineTransforms {

    /** The engine's default size ({@code platen.color.transform-cache-size}). */
    public static final TransformCache CACHE = new TransformCache(64);

    private EngineTransforms() {
    }
}
