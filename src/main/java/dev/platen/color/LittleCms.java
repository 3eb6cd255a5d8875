package dev.platen.color;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import org.jspecify.annotations.Nullable;

/**
 * The part of the LittleCMS 2 C API that Platen uses, bound with JNA interface mapping. Package-private on
 * purpose: nothing outside {@code dev.platen.color} may hold a raw lcms handle. Every handle argument here is
 * a pointer that {@link Lcms#require} has already checked to be non-NULL; the wrappers never pass a closed
 * or NULL profile, transform or context.
 *
 * <p>Names and argument order follow {@code lcms2.h} (2.14). Constants were checked against that header and
 * against the library itself (see {@code PixelFormatTest}).
 */
interface LittleCms extends Library {

    // --- Header signatures (lcms2.h: cmsColorSpaceSignature, cmsProfileClassSignature, cmsTagSignature) ---
    int SIG_XYZ_DATA = 0x58595A20;          // 'XYZ '
    int SIG_LAB_DATA = 0x4C616220;          // 'Lab '
    int SIG_RGB_DATA = 0x52474220;          // 'RGB '
    int SIG_GRAY_DATA = 0x47524159;         // 'GRAY'
    int SIG_CMYK_DATA = 0x434D594B;         // 'CMYK'

    int SIG_INPUT_CLASS = 0x73636E72;       // 'scnr'
    int SIG_DISPLAY_CLASS = 0x6D6E7472;     // 'mntr'
    int SIG_OUTPUT_CLASS = 0x70727472;      // 'prtr'
    int SIG_LINK_CLASS = 0x6C696E6B;        // 'link'
    int SIG_ABSTRACT_CLASS = 0x61627374;    // 'abst'
    int SIG_COLOR_SPACE_CLASS = 0x73706163; // 'spac'
    int SIG_NAMED_COLOR_CLASS = 0x6E6D636C; // 'nmcl'

    int SIG_A_TO_B0_TAG = 0x41324230;       // 'A2B0'
    int SIG_A_TO_B1_TAG = 0x41324231;       // 'A2B1'
    int SIG_A_TO_B2_TAG = 0x41324232;       // 'A2B2'
    int SIG_B_TO_A0_TAG = 0x42324130;       // 'B2A0'
    int SIG_B_TO_A1_TAG = 0x42324131;       // 'B2A1'
    int SIG_B_TO_A2_TAG = 0x42324132;       // 'B2A2'
    int SIG_PROFILE_DESCRIPTION_TAG = 0x64657363; // 'desc'
    int SIG_COPYRIGHT_TAG = 0x63707274;     // 'cprt'
    int SIG_MEDIA_WHITE_POINT_TAG = 0x77747074; // 'wtpt'

    int INFO_DESCRIPTION = 0;               // cmsInfoDescription

    // --- Pixel format bit layout (lcms2.h "Format of pixel is defined by one cmsUInt32Number") ---
    static int floatSh(int a) { return a << 22; }
    static int colorspaceSh(int s) { return s << 16; }
    static int swapfirstSh(int s) { return s << 14; }
    static int flavorSh(int s) { return s << 13; }
    static int planarSh(int p) { return p << 12; }
    static int endian16Sh(int e) { return e << 11; }
    static int doswapSh(int e) { return e << 10; }
    static int extraSh(int e) { return e << 7; }
    static int channelsSh(int c) { return c << 3; }
    static int bytesSh(int b) { return b; }

    int PT_GRAY = 3;
    int PT_RGB = 4;
    int PT_CMYK = 6;
    int PT_LAB = 10;

    // --- Transform flags (lcms2.h, cmsFLAGS_*) ---
    int FLAGS_NOCACHE = 0x0040;
    int FLAGS_NOOPTIMIZE = 0x0100;
    int FLAGS_HIGHRESPRECALC = 0x0400;
    int FLAGS_BLACKPOINTCOMPENSATION = 0x2000;
    int FLAGS_COPY_ALPHA = 0x04000000;

    int AT_END = 1;                         // cmsStageLoc cmsAT_END

    /** {@code cmsLogErrorHandlerFunction}: called on the thread that made the failing call. */
    interface ErrorHandler extends Callback {
        void invoke(Pointer contextId, int errorCode, String text);
    }

    /** {@code cmsSAMPLER16}: fills one CLUT node; In and Out are cmsUInt16Number arrays. */
    interface Sampler16 extends Callback {
        int invoke(Pointer in, Pointer out, Pointer cargo);
    }

    // --- Contexts and errors ---
    // The functions that make something answer NULL when lcms cannot (an error handler says why): @Nullable.
    @Nullable Pointer cmsCreateContext(@Nullable Pointer plugin, @Nullable Pointer userData);
    void cmsSetLogErrorHandlerTHR(Pointer context, ErrorHandler handler);

    // --- Profiles ---
    @Nullable Pointer cmsOpenProfileFromMemTHR(Pointer context, Pointer mem, int size);
    boolean cmsCloseProfile(Pointer profile);
    boolean cmsSaveProfileToMem(Pointer profile, @Nullable Pointer mem, IntByReference bytesNeeded);
    /** The library's version, e.g. 2140 for 2.14. */
    int cmsGetEncodedCMMversion();

    int cmsGetColorSpace(Pointer profile);
    int cmsGetPCS(Pointer profile);
    int cmsGetDeviceClass(Pointer profile);
    int cmsGetProfileInfoASCII(Pointer profile, int info, String language, String country, byte[] buffer,
                               int bufferSize);
    int cmsFormatterForColorspaceOfProfile(Pointer profile, int nBytes, boolean isFloat);
    Pointer cmsD50_xyY();

    @Nullable Pointer cmsCreate_sRGBProfileTHR(Pointer context);
    @Nullable Pointer cmsCreateLab4ProfileTHR(Pointer context, Pointer whitePointXyY);
    @Nullable Pointer cmsCreateGrayProfileTHR(Pointer context, Pointer whitePointXyY, Pointer transferFunction);
    @Nullable Pointer cmsCreateInkLimitingDeviceLinkTHR(Pointer context, int colorSpace, double limit);
    @Nullable Pointer cmsBuildGamma(Pointer context, double gamma);
    void cmsFreeToneCurve(Pointer curve);

    // --- Building profiles (used to write profiles, e.g. the synthetic press profile of the tests) ---
    @Nullable Pointer cmsCreateProfilePlaceholder(Pointer context);
    void cmsSetProfileVersion(Pointer profile, double version);
    void cmsSetDeviceClass(Pointer profile, int deviceClass);
    void cmsSetColorSpace(Pointer profile, int colorSpace);
    void cmsSetPCS(Pointer profile, int pcs);
    void cmsSetHeaderRenderingIntent(Pointer profile, int intent);
    boolean cmsWriteTag(Pointer profile, int tag, Pointer data);
    @Nullable Pointer cmsMLUalloc(Pointer context, int items);
    boolean cmsMLUsetASCII(Pointer mlu, String language, String country, String text);
    void cmsMLUfree(Pointer mlu);
    @Nullable Pointer cmsPipelineAlloc(Pointer context, int inputChannels, int outputChannels);
    void cmsPipelineFree(Pointer pipeline);
    boolean cmsPipelineInsertStage(Pointer pipeline, int location, Pointer stage);
    @Nullable Pointer cmsStageAllocToneCurves(Pointer context, int channels, Pointer[] curves);
    @Nullable Pointer cmsStageAllocCLut16bit(Pointer context, int gridPoints, int inputChannels, int outputChannels,
                                   Pointer table);
    void cmsStageFree(Pointer stage);
    boolean cmsStageSampleCLut16bit(Pointer stage, Sampler16 sampler, Pointer cargo, int flags);

    // --- Transforms ---
    @Nullable Pointer cmsCreateTransformTHR(Pointer context, Pointer input, int inputFormat, Pointer output,
                                  int outputFormat, int intent, int flags);
    @Nullable Pointer cmsCreateMultiprofileTransformTHR(Pointer context, Pointer[] profiles, int count, int inputFormat,
                                              int outputFormat, int intent, int flags);
    void cmsDeleteTransform(Pointer transform);
    int cmsGetTransformInputFormat(Pointer transform);
    int cmsGetTransformOutputFormat(Pointer transform);
    void cmsDoTransform(Pointer transform, Pointer in, Pointer out, int pixelCount);
    void cmsDoTransformLineStride(Pointer transform, Pointer in, Pointer out, int pixelsPerLine, int lineCount,
                                  int bytesPerLineIn, int bytesPerLineOut, int bytesPerPlaneIn,
                                  int bytesPerPlaneOut);

    // --- Black points; a cmsCIEXYZ is three doubles X, Y, Z (media-relative, D50, Y 0..1) ---
    boolean cmsDetectBlackPoint(double[] blackPoint, Pointer profile, int intent, int flags);
    boolean cmsDetectDestinationBlackPoint(double[] blackPoint, Pointer profile, int intent, int flags);

    // --- Colour difference; a cmsCIELab is three doubles L, a, b ---
    double cmsCIE2000DeltaE(double[] lab1, double[] lab2, double kl, double kc, double kh);
}
