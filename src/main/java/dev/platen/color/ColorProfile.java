package dev.platen.color;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import dev.platen.storage.ContentDigest;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static dev.platen.color.Lcms.CONTEXT;
import static dev.platen.color.Lcms.LIB;

/**
 * An ICC profile opened in lcms. Close it when done (try-with-resources); a {@link Cleaner} frees forgotten
 * ones. A profile can be closed as soon as its transforms are built: lcms copies what a transform needs.
 * Several threads may build transforms from one profile at once (lcms guards tag reads with a per-profile
 * mutex); closing while another thread uses it is safe too, the native profile lives until the last use ends.
 *
 * <p>Opening checks more than lcms's header parse: a profile is only accepted if lcms can also build a
 * transform from it to Lab, because lcms reads tags lazily and a profile with a truncated or broken tag
 * otherwise opens fine and fails later, far from the upload.
 */
public final class ColorProfile implements AutoCloseable {

    /** Larger than any real profile (big press profiles are a few MB); refuses to read arbitrary files. */
    static final long MAX_PROFILE_BYTES = 64L * 1024 * 1024;

    /** The D50 Lab v4 identity that {@link #validate} probes against; never closed. */
    private static final Pointer PROBE_LAB = Lcms.require(LIB.cmsCreateLab4ProfileTHR(CONTEXT, LIB.cmsD50_xyY()),
            "lcms could not create its Lab profile");

    private final NativeHandle handle;
    private final Cleaner.Cleanable cleanable;
    private final byte[] bytes;
    private final String sha256;
    private final String description;
    private final ColorSpace colorSpace;
    private final DeviceClass deviceClass;
    private volatile boolean closed;

    private ColorProfile(NativeHandle handle, byte[] bytes, String description, ColorSpace colorSpace,
                         DeviceClass deviceClass) {
        this.handle = handle;
        this.cleanable = Lcms.CLEANER.register(this, NativeHandle.releaser(handle));
        this.bytes = bytes;
        this.sha256 = ContentDigest.sha256Hex(bytes);
        this.description = description;
        this.colorSpace = colorSpace;
        this.deviceClass = deviceClass;
    }

    /**
     * Reads a profile file.
     *
     * @throws InvalidProfile if it is not a usable profile (see {@link #fromBytes(byte[])})
     */
    public static ColorProfile fromFile(Path file) throws IOException, InvalidProfile {
        long size = Files.size(file);
        if (size > MAX_PROFILE_BYTES) {
            throw new InvalidProfile(file.getFileName() + " has " + size + " bytes; an ICC profile above "
                    + MAX_PROFILE_BYTES + " bytes is not accepted");
        }
        return fromBytes(Files.readAllBytes(file));
    }

    /**
     * Opens a profile from its bytes (for instance the one embedded in an image). The bytes are copied.
     *
     * @throws InvalidProfile with lcms's reason when the bytes are not a profile, are truncated or have
     *                        broken tags, or describe a colour space or class Platen does not handle. Never
     *                        crashes the JVM: the bytes are handed to lcms's own bounds-checked parser.
     */
    public static ColorProfile fromBytes(byte[] bytes) throws InvalidProfile {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidProfile("the ICC profile is empty");
        }
        if (bytes.length > MAX_PROFILE_BYTES) {
            throw new InvalidProfile("an ICC profile above " + MAX_PROFILE_BYTES + " bytes is not accepted");
        }
        byte[] copy = bytes.clone();
        Pointer profile;
        try (Memory memory = new Memory(copy.length)) {
            memory.write(0, copy, 0, copy.length);
            Lcms.clearErrors();
            // lcms copies the block for read-only profiles, so the Memory can go right after.
            profile = LIB.cmsOpenProfileFromMemTHR(CONTEXT, memory, copy.length);
        }
        if (profile == null) {
            throw new InvalidProfile("not a readable ICC profile: " + Lcms.takeErrors());
        }
        NativeHandle handle = new NativeHandle(profile, LIB::cmsCloseProfile);
        try {
            ColorSpace space = ColorSpace.ofSignature(LIB.cmsGetColorSpace(profile));
            if (space == null) {
                throw new InvalidProfile("the ICC profile's colour space '"
                        + signatureText(LIB.cmsGetColorSpace(profile)) + "' is not RGB, CMYK, Gray or Lab");
            }
            DeviceClass deviceClass = DeviceClass.ofSignature(LIB.cmsGetDeviceClass(profile));
            if (deviceClass == null || deviceClass == DeviceClass.NAMED_COLOR) {
                throw new InvalidProfile("the ICC profile's class '"
                        + signatureText(LIB.cmsGetDeviceClass(profile)) + "' cannot convert pixels");
            }
            validate(profile, space, deviceClass);
            return new ColorProfile(handle, copy, readDescription(profile), space, deviceClass);
        } catch (InvalidProfile | RuntimeException e) {
            handle.release();
            throw e;
        }
    }

    /** lcms's built-in sRGB (IEC 61966-2.1), the profile transicc calls {@code *sRGB}. */
    public static ColorProfile srgb() {
        return builtIn(LIB.cmsCreate_sRGBProfileTHR(CONTEXT), "sRGB");
    }

    /** CIELAB v4 with a D50 white: the identity profile for reading and writing Lab values. */
    public static ColorProfile lab() {
        return builtIn(LIB.cmsCreateLab4ProfileTHR(CONTEXT, LIB.cmsD50_xyY()), "Lab D50");
    }

    /** A D50 grey profile with a pure power-law tone curve, e.g. {@code gray(2.2)} for untagged grey art. */
    public static ColorProfile gray(double gamma) {
        if (!(gamma > 0 && gamma < 10)) {
            throw new IllegalArgumentException("gamma must be in (0, 10), was " + gamma);
        }
        Lcms.clearErrors();
        Pointer curve = Lcms.require(LIB.cmsBuildGamma(CONTEXT, gamma), "gamma curve " + gamma);
        try {
            return builtIn(LIB.cmsCreateGrayProfileTHR(CONTEXT, LIB.cmsD50_xyY(), curve),
                    "Gray gamma " + gamma);
        } finally {
            LIB.cmsFreeToneCurve(curve);
        }
    }

    /**
     * Wraps a profile lcms built in memory. Its bytes are what {@code cmsSaveProfileToMem} writes, with the
     * header's creation date and profile ID zeroed: lcms stamps the current time into every built-in, and
     * without this two {@code srgb()} calls a second apart would hash differently and defeat the cache.
     */
    static ColorProfile builtIn(@Nullable Pointer made, String what) {
        Pointer profile = Lcms.require(made, "lcms could not create the " + what + " profile");
        NativeHandle handle = new NativeHandle(profile, LIB::cmsCloseProfile);
        try {
            byte[] bytes = save(profile);
            Arrays.fill(bytes, 24, 36, (byte) 0);   // dateTimeNumber, ICC.1 header bytes 24..35
            Arrays.fill(bytes, 84, 100, (byte) 0);  // profile ID (MD5), bytes 84..99
            ColorSpace space = ColorSpace.ofSignature(LIB.cmsGetColorSpace(profile));
            DeviceClass deviceClass = DeviceClass.ofSignature(LIB.cmsGetDeviceClass(profile));
            if (space == null || deviceClass == null) {
                throw new ColorTransformFailed("lcms built the " + what + " profile in a space or class Platen does "
                        + "not handle");
            }
            String description = readDescription(profile);
            return new ColorProfile(handle, bytes, description.isEmpty() ? what : description, space,
                    deviceClass);
        } catch (RuntimeException e) {
            handle.release();
            throw e;
        }
    }

    private static byte[] save(Pointer profile) {
        IntByReference needed = new IntByReference();
        Lcms.clearErrors();
        // A NULL buffer is lcms's documented "tell me the size" call, not a handle.
        if (!LIB.cmsSaveProfileToMem(profile, null, needed) || needed.getValue() <= 0) {
            throw new ColorTransformFailed("lcms could not serialise a profile: " + Lcms.takeErrors());
        }
        try (Memory memory = new Memory(needed.getValue())) {
            if (!LIB.cmsSaveProfileToMem(profile, memory, needed)) {
                throw new ColorTransformFailed("lcms could not serialise a profile: " + Lcms.takeErrors());
            }
            return memory.getByteArray(0, needed.getValue());
        }
    }

    /** Builds a throw-away transform to Lab (or through the link) so that broken tags surface now. */
    private static void validate(Pointer profile, ColorSpace space, DeviceClass deviceClass) throws InvalidProfile {
        Lcms.clearErrors();
        Pointer probe;
        if (deviceClass == DeviceClass.DEVICE_LINK) {
            ColorSpace out = ColorSpace.ofSignature(LIB.cmsGetPCS(profile));
            if (out == null) {
                throw new InvalidProfile("the device link's output space '" + signatureText(LIB.cmsGetPCS(profile))
                        + "' is not RGB, CMYK, Gray or Lab");
            }
            probe = LIB.cmsCreateMultiprofileTransformTHR(CONTEXT, new Pointer[] {profile}, 1,
                    space.doubleFormat(), out.doubleFormat(), RenderingIntent.PERCEPTUAL.code(),
                    LittleCms.FLAGS_NOCACHE);
        } else {
            probe = LIB.cmsCreateTransformTHR(CONTEXT, profile, space.doubleFormat(), PROBE_LAB,
                    PixelFormat.LAB_DOUBLE.lcmsType, RenderingIntent.RELATIVE_COLORIMETRIC.code(),
                    LittleCms.FLAGS_NOCACHE);
        }
        if (probe == null) {
            throw new InvalidProfile("the ICC profile cannot convert colours: " + Lcms.takeErrors());
        }
        LIB.cmsDeleteTransform(probe);
    }

    private static String readDescription(Pointer profile) {
        byte[] buffer = new byte[512];
        int needed = LIB.cmsGetProfileInfoASCII(profile, LittleCms.INFO_DESCRIPTION, "en", "US", buffer,
                buffer.length);
        if (needed > buffer.length) {
            buffer = new byte[needed];
            needed = LIB.cmsGetProfileInfoASCII(profile, LittleCms.INFO_DESCRIPTION, "en", "US", buffer,
                    buffer.length);
        }
        int length = 0;
        while (length < Math.min(needed, buffer.length) && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1).strip();
    }

    private static String signatureText(int signature) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            int c = (signature >>> (24 - 8 * i)) & 0xFF;
            chars[i] = c >= 0x20 && c < 0x7F ? (char) c : '?';
        }
        return new String(chars);
    }

    /** The profile's description tag ({@code desc}) in English, or the built-in's name; empty if it has none. */
    public String description() {
        return description;
    }

    public ColorSpace colorSpace() {
        return colorSpace;
    }

    public DeviceClass deviceClass() {
        return deviceClass;
    }

    /** Lower-case hex SHA-256 of {@link #bytes()}: the profile's identity in caches and reports. */
    public String sha256() {
        return sha256;
    }

    /** The profile as ICC bytes (a copy), e.g. to embed in an output file or hand to another tool. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Writes {@link #bytes()} to a file. */
    public void writeTo(Path file) throws IOException {
        Files.write(file, bytes);
    }

    /**
     * The native handle, held until the matching {@link #release()}, so a concurrent {@link #close()} cannot
     * free it mid-call.
     */
    Pointer retain() {
        if (closed) {
            throw new IllegalStateException("profile '" + description + "' is closed");
        }
        return handle.retain();
    }

    void release() {
        handle.release();
    }

    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ColorProfile[%s, %s %s, sha256=%s]", description, colorSpace,
                deviceClass, sha256.substring(0, 12));
    }
}
