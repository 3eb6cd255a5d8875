package dev.platen.color;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * The loaded library, Platen's own lcms context, and the error log that turns lcms's messages into Java
 * exceptions.
 *
 * <p>Why a context of our own and never the global one: Debian's OpenJDK links {@code java.awt.color} to the
 * same system {@code liblcms2.so.2}, and the JDK installs its own global error handler. Global state
 * (error handler, alarm codes, adaptation state) set by us would fight with the JDK's, so everything here
 * goes through {@code *THR} functions on contexts created by {@link #newContext()}.
 */
final class Lcms {

    static final LittleCms LIB = load();

    /** One cleaner thread for the package: the safety net for profiles and transforms nobody closed. */
    static final Cleaner CLEANER = Cleaner.create();

    private static final ThreadLocal<List<String>> ERRORS = ThreadLocal.withInitial(ArrayList::new);

    /**
     * lcms calls the handler synchronously on the thread that made the failing call, so a thread-local log
     * keeps concurrent failures apart. The static field is the strong reference JNA needs: native code
     * keeps only the function pointer, and a collected callback would be a jump into freed memory.
     */
    private static final LittleCms.ErrorHandler ERROR_HANDLER = new LittleCms.ErrorHandler() {
        @Override
        public void invoke(Pointer contextId, int errorCode, String text) {
            ERRORS.get().add(text);
        }
    };

    /** The context used for profiles and ordinary transforms; lives as long as the JVM. */
    static final Pointer CONTEXT = newContext();

    private Lcms() {
    }

    private static LittleCms load() {
        // JNA's first use runs "/sbin/ldconfig -p", a process of its own, to learn the system's library folders,
        // unless this property names them: about 30 ms of wall and CPU at every JVM's start (a one-placement bench
        // process on a 64x64 JPEG: 0.39 -> 0.36 s). The folders only serve to find a library by a bare name;
        // liblcms2.so.2 is found by the dynamic linker, as any program's libraries are. Someone's own setting stays.
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", "");
        }
        // The Debian runtime package ships only the SONAME (liblcms2.so.2), not the liblcms2.so dev symlink.
        UnsatisfiedLinkError first = null;
        for (String name : new String[] {"liblcms2.so.2", "lcms2"}) {
            try {
                return Native.load(name, LittleCms.class);
            } catch (UnsatisfiedLinkError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        throw new IllegalStateException("LittleCMS 2 is not installed (Debian: apt-get install liblcms2-2)",
                first);
    }

    /**
     * A new lcms context with Platen's error handler. Used for {@link #CONTEXT} and for transforms that need
     * context state of their own (gamut alarm codes are per context, read while transforming).
     */
    static Pointer newContext() {
        Pointer context = LIB.cmsCreateContext(null, null);
        if (context == null) {
            throw new OutOfMemoryError("lcms could not allocate a context");
        }
        LIB.cmsSetLogErrorHandlerTHR(context, ERROR_HANDLER);
        return context;
    }

    /** Forgets earlier messages of this thread; call before an lcms call whose failure is to be reported. */
    static void clearErrors() {
        ERRORS.get().clear();
    }

    /** This thread's messages since {@link #clearErrors()}, joined, and forgets them. */
    static String takeErrors() {
        List<String> errors = ERRORS.get();
        String joined = errors.isEmpty() ? "lcms gave no reason" : String.join("; ", errors);
        errors.clear();
        return joined;
    }

    /**
     * Returns {@code handle} when lcms produced one; otherwise throws {@link ColorTransformFailed} with
     * {@code what} and lcms's own message. This is the gate that keeps NULL handles out of native code.
     */
    static Pointer require(@Nullable Pointer handle, String what) {
        if (handle == null) {
            throw new ColorTransformFailed(what + ": " + takeErrors());
        }
        return handle;
    }
}
