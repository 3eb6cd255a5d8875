package dev.platen.color;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes opening an ICC profile in LittleCMS, the path every embedded profile takes before a transform. A profile
 * is opened or refused with {@link InvalidProfile}; anything else (another exception, or lcms bringing the JVM
 * down) is a finding. Seeds under {@code src/test/resources/dev/platen/color/ColorProfileFuzzTestInputs/}, made by
 * {@link ProfileSeeds}.
 */
class ColorProfileFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void openProfile(byte[] input) {
        try (ColorProfile profile = ColorProfile.fromBytes(input)) {
            // Opened: describe it as the colour report does, which reads its tags.
            profile.description();
        } catch (InvalidProfile expected) {
            // refused with lcms's reason
        }
    }
}
