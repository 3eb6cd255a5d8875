package dev.platen.color;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColorProfileTest {

    @Test
    void builtInsDescribeThemselves() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile lab = ColorProfile.lab();
             ColorProfile gray = ColorProfile.gray(2.2)) {
            assertThat(srgb.colorSpace()).isEqualTo(ColorSpace.RGB);
            assertThat(srgb.deviceClass()).isEqualTo(DeviceClass.DISPLAY);
            assertThat(srgb.description()).containsIgnoringCase("sRGB");
            assertThat(lab.colorSpace()).isEqualTo(ColorSpace.LAB);
            assertThat(gray.colorSpace()).isEqualTo(ColorSpace.GRAY);
            assertThat(srgb.sha256()).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void aBuiltInHashesTheSameEveryTimeDespiteLcmsStampingTheTime() throws Exception {
        String first;
        try (ColorProfile srgb = ColorProfile.srgb()) {
            first = srgb.sha256();
        }
        Thread.sleep(1100);   // the header's creation date has a resolution of one second
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile gray22 = ColorProfile.gray(2.2);
             ColorProfile gray18 = ColorProfile.gray(1.8)) {
            assertThat(srgb.sha256()).isEqualTo(first);
            assertThat(gray22.sha256()).isNotEqualTo(gray18.sha256());
        }
    }

    @Test
    void savedBytesReadBackAsTheSameProfile(@TempDir Path dir) throws Exception {
        try (ColorProfile srgb = ColorProfile.srgb()) {
            Path file = dir.resolve("srgb.icc");
            srgb.writeTo(file);
            try (ColorProfile read = ColorProfile.fromFile(file)) {
                assertThat(read.sha256()).isEqualTo(srgb.sha256());
                assertThat(read.description()).isEqualTo(srgb.description());
                assertThat(read.colorSpace()).isEqualTo(ColorSpace.RGB);
            }
        }
    }

    @Test
    void theSyntheticPressProfileIsARealCmykOutputProfile() throws Exception {
        byte[] bytes = SyntheticPressProfile.bytes();
        assertThat(new String(bytes, 36, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("acsp");
        assertThat(ByteBuffer.wrap(bytes).getInt(0)).as("header size field").isEqualTo(bytes.length);
        try (ColorProfile press = ColorProfile.fromBytes(bytes)) {
            assertThat(press.colorSpace()).isEqualTo(ColorSpace.CMYK);
            assertThat(press.deviceClass()).isEqualTo(DeviceClass.OUTPUT);
            assertThat(press.description()).isEqualTo(SyntheticPressProfile.DESCRIPTION);
        }
    }

    @Test
    void garbageIsAnInvalidProfileWithAReason() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertThatThrownBy(() -> ColorProfile.fromBytes(random))
                .isInstanceOf(InvalidProfile.class).hasMessageStartingWith("not a readable ICC profile: ")
                .hasMessageNotContaining("lcms gave no reason");
        assertThatThrownBy(() -> ColorProfile.fromBytes(new byte[0]))
                .isInstanceOf(InvalidProfile.class).hasMessageContaining("empty");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertThatThrownBy(() -> ColorProfile.fromBytes(jpeg)).isInstanceOf(InvalidProfile.class);
    }

    @Test
    void aTruncatedProfileIsRefusedAtOpenNotAtFirstUse() {
        byte[] whole = SyntheticPressProfile.bytes();
        // Header and tag table survive, the lookup tables do not: lcms alone would open this and fail later.
        byte[] truncated = Arrays.copyOf(whole, 1024);
        assertThatThrownBy(() -> ColorProfile.fromBytes(truncated))
                .isInstanceOf(InvalidProfile.class)
                .hasMessageStartingWith("the ICC profile cannot convert colours: ");
        assertThatThrownBy(() -> ColorProfile.fromBytes(Arrays.copyOf(whole, 100)))
                .isInstanceOf(InvalidProfile.class);
    }

    @Test
    void anUnsupportedColourSpaceIsNamedInTheMessage() {
        byte[] bytes = SyntheticPressProfile.bytes();
        // Header byte 16..19 is the data colour space; 'YCbr' is valid ICC but not something Platen prints from.
        bytes[16] = 'Y';
        bytes[17] = 'C';
        bytes[18] = 'b';
        bytes[19] = 'r';
        assertThatThrownBy(() -> ColorProfile.fromBytes(bytes))
                .isInstanceOf(InvalidProfile.class).hasMessageContaining("'YCbr'");
    }

    /**
     * Damaged embedded profiles are common in customer files. Whatever the damage, the answer is a profile or
     * an InvalidProfile, never a crash of the JVM or another exception type.
     */
    @Test
    void randomlyDamagedProfilesNeverCrash() throws Exception {
        byte[] original = SyntheticPressProfile.bytes();
        Random random = new Random(7);
        int refused = 0;
        for (int round = 0; round < 300; round++) {
            byte[] damaged = original.clone();
            int flips = 1 + random.nextInt(16);
            for (int i = 0; i < flips; i++) {
                // Most damage in the header and tag table, where it changes the parse the most.
                int at = random.nextInt(4) == 0 ? random.nextInt(damaged.length) : random.nextInt(400);
                damaged[at] = (byte) random.nextInt(256);
            }
            try (ColorProfile ignored = ColorProfile.fromBytes(damaged)) {
                assertThat(ignored.colorSpace()).isNotNull();
            } catch (InvalidProfile expected) {
                refused++;
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(refused).as("the damage must actually hit").isGreaterThan(30);
    }

    @Test
    void aProfileFileThatIsNotAProfile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.icc"), "this is not an ICC profile at all, just words");
        assertThatThrownBy(() -> ColorProfile.fromFile(file)).isInstanceOf(InvalidProfile.class);
    }

    @Test
    void aClosedProfileCannotBeUsed() {
        ColorProfile srgb = ColorProfile.srgb();
        srgb.close();
        srgb.close();   // closing twice is harmless
        try (ColorProfile lab = ColorProfile.lab()) {
            assertThatThrownBy(() -> ColorTransform.create(srgb, PixelFormat.RGB_8, lab, PixelFormat.LAB_DOUBLE,
                    RenderingIntent.PERCEPTUAL, false))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void badGammaIsRefused() {
        assertThatThrownBy(() -> ColorProfile.gray(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorProfile.gray(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
