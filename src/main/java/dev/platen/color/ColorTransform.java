package dev.platen.color;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;

import static dev.platen.color.Lcms.CONTEXT;
import static dev.platen.color.Lcms.LIB;

/**
 * A colour conversion built by lcms: from one profile and pixel format to another, with an intent and black
 * point compensation; or a soft proof; or an ink limit.
 *
 * <p><b>Threads.</b> One transform may convert on many threads at once (lcms's {@code cmsDoTransform} is
 * re-entrant; see {@link TransformSpec} for why the one-pixel cache stays on). {@link #close()} while other
 * threads convert is safe: the native transform is freed when the last call returns.
 *
 * <p><b>Memory.</b> Nothing here holds a whole image. {@link #convertRows} works on a band of rows in direct
 * buffers with no copy at all, so a 100 MP image streams through band by band with one band of input and one
 * of output in native memory. {@link #convert(byte[], byte[], int)} and heap buffers go through native stripes
 * of at most {@value #STRIPE_BYTES} bytes a side, never a full-size native copy.
 *
 * <p>Obtain transforms from the factories here or from a {@link TransformCache}; close them either way.
 */
public final class ColorTransform implements AutoCloseable {

    /** Largest native staging buffer for heap input or output: 1 MiB keeps stripes in L2/L3 and off the heap. */
    static final int STRIPE_BYTES = 1 << 20;

    private final NativeHandle handle;
    private final Cleaner.Cleanable cleanable;
    private final PixelFormat inputFormat;
    private final PixelFormat outputFormat;
    private volatile boolean closed;

    /** A new owner of {@code handle}; takes one reference, released by {@link #close()} or the cleaner. */
    ColorTransform(NativeHandle handle, PixelFormat inputFormat, PixelFormat outputFormat) {
        handle.retain();
        this.handle = handle;
        this.cleanable = Lcms.CLEANER.register(this, NativeHandle.releaser(handle));
        this.inputFormat = inputFormat;
        this.outputFormat = outputFormat;
    }

    /**
     * A conversion from {@code source} to {@code target} with {@link Precision#EXACT} evaluation.
     *
     * @throws ColorTransformFailed with lcms's reason, e.g. a format that does not match its profile
     */
    public static ColorTransform create(ColorProfile source, PixelFormat sourceFormat, ColorProfile target,
                                        PixelFormat targetFormat, RenderingIntent intent,
                                        boolean blackPointCompensation) {
        return create(source, sourceFormat, target, targetFormat,
                RenderingOptions.of(intent, blackPointCompensation));
    }

    /**
     * A conversion with all options. With an ink limit, lcms chains {@code target} (which must be CMYK) with
     * an ink-limiting device link ({@code cmsCreateInkLimitingDeviceLink}) in the same transform: C, M and Y
     * are scaled down where C+M+Y+K exceeds the limit, K is left alone.
     *
     * @throws ColorTransformFailed with lcms's reason
     */
    public static ColorTransform create(ColorProfile source, PixelFormat sourceFormat, ColorProfile target,
                                        PixelFormat targetFormat, RenderingOptions rendering) {
        return of(new TransformSpec(source, sourceFormat, target, targetFormat,
                rendering));
    }

    /**
     * Ink limiting of CMYK that is already separated: a CMYK-to-CMYK device link transform. lcms samples its
     * limiter on a 17-point grid, so between grid points the total can overshoot the limit slightly (the
     * tests measure it); K is never reduced, so a limit below 100 % cannot hold for solid black. Evaluated
     * {@link Precision#EXACT}: lcms's precalculation would resample the limiter's CLUT once more and move K
     * by up to two counts.
     */
    public static ColorTransform inkLimiter(InkLimit limit, PixelFormat cmykFormat) {
        if (cmykFormat.colorSpace() != ColorSpace.CMYK) {
            throw new IllegalArgumentException("ink limiting works on CMYK, not " + cmykFormat);
        }
        Lcms.clearErrors();
        Pointer link = Lcms.require(
                LIB.cmsCreateInkLimitingDeviceLinkTHR(CONTEXT, LittleCms.SIG_CMYK_DATA, limit.percent()),
                "lcms could not build the ink limit " + limit.percent() + " %");
        try {
            // A one-profile multiprofile transform: a device link needs no output profile, and this way no
            // NULL output handle is passed to cmsCreateTransform.
            Pointer transform = Lcms.require(LIB.cmsCreateMultiprofileTransformTHR(CONTEXT, new Pointer[] {link}, 1,
                    cmykFormat.lcmsType, cmykFormat.lcmsType, RenderingIntent.PERCEPTUAL.code(),
                    Precision.EXACT.flags),
                    "lcms could not build the ink limit transform");
            return adopt(new NativeHandle(transform, LIB::cmsDeleteTransform), cmykFormat, cmykFormat);
        } finally {
            LIB.cmsCloseProfile(link);
        }
    }

    static ColorTransform of(TransformSpec spec) {
        return adopt(spec.build(), spec.sourceFormat(), spec.targetFormat());
    }

    /** Wraps a freshly built handle, handing its creation reference over to the new owner. */
    static ColorTransform adopt(NativeHandle handle, PixelFormat in, PixelFormat out) {
        ColorTransform transform = new ColorTransform(handle, in, out);
        handle.release();
        return transform;
    }

    public PixelFormat inputFormat() {
        return inputFormat;
    }

    public PixelFormat outputFormat() {
        return outputFormat;
    }

    /**
     * Converts {@code pixelCount} pixels from {@code in} to {@code out}, both from index 0, through native
     * stripes of at most {@value #STRIPE_BYTES} bytes.
     */
    public void convert(byte[] in, byte[] out, int pixelCount) {
        checkLength("input", in.length, pixelCount, inputFormat);
        checkLength("output", out.length, pixelCount, outputFormat);
        convert(ByteBuffer.wrap(in), ByteBuffer.wrap(out), pixelCount);
    }

    /**
     * Converts {@code pixelCount} pixels starting at each buffer's position; positions and limits are left
     * as they were. Direct buffers are handed to lcms as they are; heap buffers are staged through native
     * stripes. 16-bit formats read and write native byte order.
     */
    public void convert(ByteBuffer in, ByteBuffer out, int pixelCount) {
        checkLength("input", in.remaining(), pixelCount, inputFormat);
        checkLength("output", out.remaining(), pixelCount, outputFormat);
        if (out.isReadOnly()) {
            throw new IllegalArgumentException("the output buffer is read-only");
        }
        if (pixelCount == 0) {
            return;
        }
        Pointer transform = retain();
        try {
            if (in.isDirect() && out.isDirect()) {
                LIB.cmsDoTransform(transform, address(in), address(out), pixelCount);
                return;
            }
            int inBytes = inputFormat.bytesPerPixel();
            int outBytes = outputFormat.bytesPerPixel();
            int stripe = Math.max(1, Math.min(pixelCount, STRIPE_BYTES / Math.max(inBytes, outBytes)));
            try (Memory inStripe = in.isDirect() ? null : new Memory((long) stripe * inBytes);
                 Memory outStripe = out.isDirect() ? null : new Memory((long) stripe * outBytes)) {
                for (int done = 0; done < pixelCount; ) {
                    int n = Math.min(stripe, pixelCount - done);
                    int inOffset = in.position() + done * inBytes;
                    int outOffset = out.position() + done * outBytes;
                    Pointer src;
                    if (inStripe == null) {
                        src = address(in).share((long) done * inBytes);
                    } else {
                        inStripe.getByteBuffer(0, (long) n * inBytes).put(0, in, inOffset, n * inBytes);
                        src = inStripe;
                    }
                    Pointer dst = outStripe == null ? address(out).share((long) done * outBytes) : outStripe;
                    LIB.cmsDoTransform(transform, src, dst, n);
                    if (outStripe != null) {
                        out.put(outOffset, outStripe.getByteBuffer(0, (long) n * outBytes), 0, n * outBytes);
                    }
                    done += n;
                }
            }
        } finally {
            release();
            // The direct buffers' memory must outlive the native call: without the fences the JIT may
            // consider them dead once their address is taken, and their cleaner could free it mid-call.
            Reference.reachabilityFence(in);
            Reference.reachabilityFence(out);
        }
    }

    /**
     * Converts a band of {@code rows} rows of {@code width} pixels in place in native memory, with no copy:
     * the streaming entry point for large images. Rows may be padded: {@code inRowStride} and
     * {@code outRowStride} are the bytes from the start of one row to the next. Both buffers must be direct
     * (e.g. {@code ByteBuffer.allocateDirect(rows * stride).order(ByteOrder.nativeOrder())}, or a mapped
     * file); the band starts at each buffer's position.
     */
    public void convertRows(ByteBuffer in, int inRowStride, ByteBuffer out, int outRowStride, int width, int rows) {
        if (!in.isDirect() || !out.isDirect()) {
            throw new IllegalArgumentException("convertRows needs direct buffers; use convert(...) for heap buffers");
        }
        if (out.isReadOnly()) {
            throw new IllegalArgumentException("the output buffer is read-only");
        }
        if (width < 0 || rows < 0) {
            throw new IllegalArgumentException("negative band size " + width + " x " + rows);
        }
        checkBand("input", in.remaining(), inRowStride, width, rows, inputFormat);
        checkBand("output", out.remaining(), outRowStride, width, rows, outputFormat);
        if (width == 0 || rows == 0) {
            return;
        }
        Pointer transform = retain();
        try {
            // Chunky formats ignore the plane stride; pass what cmsDoTransform itself would, one row's bytes.
            LIB.cmsDoTransformLineStride(transform, address(in), address(out), width, rows, inRowStride,
                    outRowStride, width * inputFormat.bytesPerPixel(), width * outputFormat.bytesPerPixel());
        } finally {
            release();
            Reference.reachabilityFence(in);
            Reference.reachabilityFence(out);
        }
    }

    /** Native-to-native conversion for the package (Lab reading, tests); both blocks must be large enough. */
    void convert(Memory in, Memory out, int pixelCount) {
        checkLength("input", in.size(), pixelCount, inputFormat);
        checkLength("output", out.size(), pixelCount, outputFormat);
        Pointer transform = retain();
        try {
            LIB.cmsDoTransform(transform, in, out, pixelCount);
        } finally {
            release();
        }
    }

    /** The lcms formats the native transform really has, to check the constants against lcms. */
    int[] nativeFormats() {
        Pointer transform = retain();
        try {
            return new int[] {LIB.cmsGetTransformInputFormat(transform), LIB.cmsGetTransformOutputFormat(transform)};
        } finally {
            release();
        }
    }

    /** Another owner of the same native transform; the cache hands these out. */
    ColorTransform share() {
        if (closed) {
            throw new IllegalStateException("transform is closed");
        }
        return new ColorTransform(handle, inputFormat, outputFormat);
    }

    boolean isFreed() {
        return handle.isFreed();
    }

    private Pointer retain() {
        if (closed) {
            throw new IllegalStateException("transform is closed");
        }
        return handle.retain();
    }

    private void release() {
        handle.release();
    }

    private static Pointer address(ByteBuffer buffer) {
        return Native.getDirectBufferPointer(buffer).share(buffer.position());
    }

    private static void checkLength(String side, long available, int pixelCount, PixelFormat format) {
        if (pixelCount < 0) {
            throw new IllegalArgumentException("negative pixel count " + pixelCount);
        }
        long needed = (long) pixelCount * format.bytesPerPixel();
        if (available < needed) {
            throw new IllegalArgumentException(side + " holds " + available + " bytes; " + pixelCount + " pixels of "
                    + format + " need " + needed);
        }
    }

    private static void checkBand(String side, int available, int stride, int width, int rows, PixelFormat format) {
        long rowBytes = (long) width * format.bytesPerPixel();
        if (stride < rowBytes) {
            throw new IllegalArgumentException(side + " row stride " + stride + " is shorter than a row of " + width
                    + " pixels of " + format + " (" + rowBytes + " bytes)");
        }
        long needed = rows == 0 ? 0 : (long) (rows - 1) * stride + rowBytes;
        if (available < needed) {
            throw new IllegalArgumentException(side + " holds " + available + " bytes; the band needs " + needed);
        }
    }

    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }
}
