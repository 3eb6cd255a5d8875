package dev.platen.color;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransformKeyTest {

    private static final String SRGB = "a".repeat(64);
    private static final String PRESS = "b".repeat(64);

    private static TransformKey key(String source, PixelFormat out, int intent, int flags, InkLimit inkLimit) {
        return new TransformKey(source, PixelFormat.RGB_8, PRESS, out, intent, flags, inkLimit);
    }

    @Test
    void keysOfTheSameConversionAreOneKeyAndAnyDifferenceMakesAnother() {
        TransformKey key = key(SRGB, PixelFormat.CMYK_8, 1, 0x2000, new InkLimit(330));
        assertThat(key(SRGB, PixelFormat.CMYK_8, 1, 0x2000, new InkLimit(330))).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(java.util.List.of(
                key(PRESS, PixelFormat.CMYK_8, 1, 0x2000, new InkLimit(330)),
                key(SRGB, PixelFormat.CMYK_16, 1, 0x2000, new InkLimit(330)),
                key(SRGB, PixelFormat.CMYK_8, 0, 0x2000, new InkLimit(330)),
                key(SRGB, PixelFormat.CMYK_8, 1, 0, new InkLimit(330)),
                key(SRGB, PixelFormat.CMYK_8, 1, 0x2000, new InkLimit(300)),
                key(SRGB, PixelFormat.CMYK_8, 1, 0x2000, null)))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(key))
                .doesNotHaveDuplicates();
    }

    @Test
    void itsTextNamesEveryPartOfTheConversion() {
        assertThat(key(SRGB, PixelFormat.CMYK_16, 1, 0x2000, new InkLimit(330)))
                .hasToString("TransformKey[" + SRGB + " RGB_8 -> " + PRESS + " CMYK_16, intent 1, flags 8192, ink limit 330.0 %]");
        assertThat(key(SRGB, PixelFormat.CMYK_8, 1, 0, null).toString()).endsWith("ink limit none]");
    }
}
