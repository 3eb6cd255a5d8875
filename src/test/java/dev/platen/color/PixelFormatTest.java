package dev.platen.color;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TYPE_* numbers are built from lcms2.h's bit layout; these tests check them twice: against the values
 * the header's macros expand to, and against the formats lcms itself builds for a profile and reports for a
 * transform.
 */
class PixelFormatTest {

    @Test
    void typesAreTheNumbersTheLcmsMacrosExpandTo() {
        // COLORSPACE_SH(PT_RGB)|CHANNELS_SH(3)|BYTES_SH(1) = 4<<16 | 3<<3 | 1
        assertThat(PixelFormat.RGB_8.lcmsType()).isEqualTo(0x40019);
        assertThat(PixelFormat.RGB_16.lcmsType()).isEqualTo(0x4001A);
        // TYPE_RGBA_8 adds EXTRA_SH(1) = 1<<7
        assertThat(PixelFormat.RGBA_8.lcmsType()).isEqualTo(0x40099);
        assertThat(PixelFormat.RGBA_16.lcmsType()).isEqualTo(0x4009A);
        assertThat(PixelFormat.GRAY_8.lcmsType()).isEqualTo(0x30009);
        assertThat(PixelFormat.GRAY_16.lcmsType()).isEqualTo(0x3000A);
        assertThat(PixelFormat.CMYK_8.lcmsType()).isEqualTo(0x60021);
        assertThat(PixelFormat.CMYK_16.lcmsType()).isEqualTo(0x60022);
        // FLOAT_SH(1)|COLORSPACE_SH(PT_Lab)|CHANNELS_SH(3)|BYTES_SH(0), BYTES_SH(4) for float
        assertThat(PixelFormat.LAB_DOUBLE.lcmsType()).isEqualTo(0x4A0018);
        assertThat(PixelFormat.LAB_FLOAT.lcmsType()).isEqualTo(0x4A001C);
        // TYPE_Lab_8: COLORSPACE_SH(PT_Lab)|CHANNELS_SH(3)|BYTES_SH(1) = 10<<16 | 3<<3 | 1
        assertThat(PixelFormat.LAB_8.lcmsType()).isEqualTo(0xA0019);
    }

    @Test
    void eightBitLabIsLightnessScaledTo255AndAbOffsetBy128() {
        // lcms reads (127.5, 128, 128) as L* 50 neutral, (255, 128, 128) as paper white, (0, 0, 255) as L* 0,
        // a* -128, b* +127: the encoding a PDF proof's reference image is written in.
        try (ColorProfile lab = ColorProfile.lab();
             ColorTransform t = ColorTransform.create(lab, PixelFormat.LAB_8, lab, PixelFormat.LAB_DOUBLE,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(3 * 24).order(java.nio.ByteOrder.nativeOrder());
            t.convert(java.nio.ByteBuffer.wrap(new byte[] {(byte) 128, (byte) 128, (byte) 128, (byte) 255,
                    (byte) 128, (byte) 128, 0, 0, (byte) 255}), out, 3);
            double[] v = new double[9];
            out.asDoubleBuffer().get(v);
            assertThat(v[0]).isCloseTo(128 * 100 / 255.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(v[1]).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(v[3]).isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
            assertThat(v[6]).isCloseTo(0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(v[7]).isCloseTo(-128, org.assertj.core.data.Offset.offset(0.01));
            assertThat(v[8]).isCloseTo(127, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    @Test
    void lcmsBuildsTheSameFormatsForItsOwnProfiles() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile gray = ColorProfile.gray(2.2);
             ColorProfile lab = ColorProfile.lab(); ColorProfile cmyk = SyntheticPressProfile.open()) {
            assertThat(formatterOf(srgb, 1, false)).isEqualTo(PixelFormat.RGB_8.lcmsType());
            assertThat(formatterOf(srgb, 2, false)).isEqualTo(PixelFormat.RGB_16.lcmsType());
            assertThat(formatterOf(gray, 1, false)).isEqualTo(PixelFormat.GRAY_8.lcmsType());
            assertThat(formatterOf(gray, 2, false)).isEqualTo(PixelFormat.GRAY_16.lcmsType());
            assertThat(formatterOf(cmyk, 1, false)).isEqualTo(PixelFormat.CMYK_8.lcmsType());
            assertThat(formatterOf(cmyk, 2, false)).isEqualTo(PixelFormat.CMYK_16.lcmsType());
            assertThat(formatterOf(lab, 0, true)).isEqualTo(PixelFormat.LAB_DOUBLE.lcmsType());
            assertThat(formatterOf(lab, 4, true)).isEqualTo(PixelFormat.LAB_FLOAT.lcmsType());
        }
    }

    @Test
    void aTransformReportsTheFormatsItWasBuiltWith() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile cmyk = SyntheticPressProfile.open();
             ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGBA_16, cmyk, PixelFormat.CMYK_8,
                     RenderingIntent.PERCEPTUAL, false)) {
            assertThat(transform.nativeFormats())
                    .containsExactly(PixelFormat.RGBA_16.lcmsType(), PixelFormat.CMYK_8.lcmsType());
        }
    }

    @Test
    void sizesFollowChannelsAlphaAndDepth() {
        assertThat(PixelFormat.RGB_8.bytesPerPixel()).isEqualTo(3);
        assertThat(PixelFormat.RGBA_16.bytesPerPixel()).isEqualTo(8);
        assertThat(PixelFormat.CMYK_8.bytesPerPixel()).isEqualTo(4);
        assertThat(PixelFormat.GRAY_16.bytesPerPixel()).isEqualTo(2);
        assertThat(PixelFormat.LAB_DOUBLE.bytesPerPixel()).isEqualTo(24);
        assertThat(PixelFormat.LAB_FLOAT.bytesPerPixel()).isEqualTo(12);
    }

    private static int formatterOf(ColorProfile profile, int bytes, boolean isFloat) {
        try {
            return Lcms.LIB.cmsFormatterForColorspaceOfProfile(profile.retain(), bytes, isFloat);
        } finally {
            profile.release();
        }
    }
}
