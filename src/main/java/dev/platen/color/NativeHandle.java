package dev.platen.color;

import com.sun.jna.Pointer;

import java.util.function.Consumer;

/**
 * A reference-counted lcms handle. Each owner (a {@link ColorProfile}, each {@link ColorTransform} lease, the
 * {@link TransformCache}) holds one reference and every native call holds one more for its duration, so a
 * close or a cache eviction on one thread can never free a handle another thread is using. The handle is
 * freed when the last reference goes; after that {@link #retain()} refuses, so a freed pointer never reaches
 * native code.
 */
final class NativeHandle {

    private final Pointer pointer;
    private final Consumer<Pointer> free;
    private int references = 1;

    /** Takes ownership of a non-NULL handle; the caller holds the first reference. */
    NativeHandle(Pointer pointer, Consumer<Pointer> free) {
        if (pointer == null) {
            throw new IllegalArgumentException("NULL lcms handle");
        }
        this.pointer = pointer;
        this.free = free;
    }

    /** One more reference; the pointer stays valid until the matching {@link #release()}. */
    synchronized Pointer retain() {
        if (references == 0) {
            throw new IllegalStateException("lcms handle already freed");
        }
        references++;
        return pointer;
    }

    synchronized void release() {
        if (references == 0) {
            throw new IllegalStateException("lcms handle released too often");
        }
        if (--references == 0) {
            free.accept(pointer);
        }
    }

    synchronized boolean isFreed() {
        return references == 0;
    }

    /** Releases one reference; the cleaning action of an owner. Holds no reference to the owner itself. */
    static Runnable releaser(NativeHandle handle) {
        return handle::release;
    }
}
