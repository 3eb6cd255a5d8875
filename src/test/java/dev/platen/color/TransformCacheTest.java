package dev.platen.color;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformCacheTest {

    @Test
    void theSameProfilesFormatsAndIntentHitEvenThroughNewProfileObjects() {
        try (TransformCache cache = new TransformCache(4)) {
            try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
                 ColorTransform first = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         RenderingIntent.PERCEPTUAL, false)) {
                assertThat(cache.misses()).isEqualTo(1);
            }
            // Fresh profile objects, same bytes: the key is the SHA-256, not the object.
            try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
                 ColorTransform again = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         RenderingIntent.PERCEPTUAL, false);
                 ColorTransform otherIntent = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         RenderingIntent.RELATIVE_COLORIMETRIC, false);
                 ColorTransform withBpc = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         RenderingIntent.RELATIVE_COLORIMETRIC, true);
                 ColorTransform otherFormat = cache.transform(srgb, PixelFormat.RGB_16, press, PixelFormat.CMYK_8,
                         RenderingIntent.PERCEPTUAL, false)) {
                assertThat(cache.hits()).isEqualTo(1);
                assertThat(cache.misses()).isEqualTo(4);
                assertThat(cache.size()).isEqualTo(4);
            }
        }
    }

    @Test
    void evictionNeverFreesATransformSomeoneStillHolds() {
        try (TransformCache cache = new TransformCache(1); ColorProfile srgb = ColorProfile.srgb();
             ColorProfile press = SyntheticPressProfile.open()) {
            ColorTransform held = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                    RenderingIntent.PERCEPTUAL, false);
            try (ColorTransform evictor = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                    RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
                assertThat(cache.size()).isEqualTo(1);
                byte[] out = new byte[4];
                held.convert(new byte[] {0, 0, 0}, out, 1);
                assertThat(out[3] & 0xFF).as("black has K").isGreaterThan(200);
                assertThat(held.isFreed()).isFalse();
            }
            held.close();
            assertThat(held.isFreed()).as("evicted and closed by its last owner").isTrue();
        }
    }

    @Test
    void closingTheCacheLeavesHandedOutTransformsWorking() {
        ColorTransform kept;
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile lab = ColorProfile.lab()) {
            TransformCache cache = new TransformCache(2);
            kept = cache.transform(srgb, PixelFormat.RGB_8, lab, PixelFormat.LAB_DOUBLE, RenderingIntent.PERCEPTUAL,
                    false);
            cache.close();
            assertThatThrownBy(() -> cache.transform(srgb, PixelFormat.RGB_8, lab, PixelFormat.LAB_DOUBLE,
                    RenderingIntent.PERCEPTUAL, false)).isInstanceOf(IllegalStateException.class);
        }
        byte[] out = new byte[24];
        kept.convert(new byte[] {(byte) 255, (byte) 255, (byte) 255}, out, 1);
        assertThat(java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.nativeOrder()).getDouble(0))
                .isCloseTo(100, org.assertj.core.api.Assertions.within(0.01));
        kept.close();
    }

    @Test
    void manyThreadsAskingAtOnceGetWorkingTransformsAndTheCacheStaysBounded() throws Exception {
        RenderingIntent[] intents = RenderingIntent.values();
        try (TransformCache cache = new TransformCache(2); ColorProfile srgb = ColorProfile.srgb();
             ColorProfile press = SyntheticPressProfile.open()) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int task = 0; task < 40; task++) {
                    RenderingIntent intent = intents[task % intents.length];
                    results.add(pool.submit(() -> {
                        try (ColorTransform transform = cache.transform(srgb, PixelFormat.RGB_8, press,
                                PixelFormat.CMYK_8, intent, true)) {
                            byte[] out = new byte[4];
                            transform.convert(new byte[] {0, 0, 0}, out, 1);
                            return out[3] & 0xFF;
                        }
                    }));
                }
                for (Future<Integer> result : results) {
                    assertThat(result.get()).isGreaterThan(200);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(cache.size()).isLessThanOrEqualTo(2);
            assertThat(cache.hits() + cache.misses()).isEqualTo(40);
        }
    }
}
