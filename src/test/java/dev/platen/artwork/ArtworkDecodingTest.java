package dev.platen.artwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The bounded decoder: one file's overflow, exhausted heap or time limit ends that file and nothing else. */
class ArtworkDecodingTest {

    private static final Duration GENEROUS = Duration.ofSeconds(30);

    @Test
    void stackOverflowFailsTheFileAndTheDecoderServesTheNextOne() {
        ArtworkDecoding decoding = new ArtworkDecoding(1, 4);

        ArtworkRejected rejection = assertThrows(ArtworkRejected.class,
                () -> decoding.run(GENEROUS, () -> recurse(0)));

        assertThat(rejection.code()).isEqualTo("ARTWORK_TOO_COMPLEX");
        assertThat(rejection.httpStatus()).isEqualTo(422);
        assertThat(decoding.run(GENEROUS, () -> "next file")).isEqualTo("next file");
    }

    @Test
    void outOfMemoryFailsTheFileAndTheDecoderServesTheNextOne() {
        ArtworkDecoding decoding = new ArtworkDecoding(1, 4);

        // An array beyond what any heap can give: the VM throws OutOfMemoryError without touching the heap.
        ArtworkRejected rejection = assertThrows(ArtworkRejected.class,
                () -> decoding.run(GENEROUS, () -> new long[Integer.MAX_VALUE - 2].length));

        assertThat(rejection.code()).isEqualTo("ARTWORK_TOO_COMPLEX");
        assertThat(rejection.getCause()).isInstanceOf(OutOfMemoryError.class);
        assertThat(decoding.run(GENEROUS, () -> 42)).isEqualTo(42);
    }

    @Test
    void fileOverItsTimeLimitIsRejectedAndItsDecodingInterrupted() throws InterruptedException {
        ArtworkDecoding decoding = new ArtworkDecoding(1, 4);
        CountDownLatch interrupted = new CountDownLatch(1);

        ArtworkRejected rejection = assertThrows(ArtworkRejected.class,
                () -> decoding.run(Duration.ofMillis(200), () -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return null;
                }));

        assertThat(rejection.code()).isEqualTo("ARTWORK_TIMEOUT");
        assertThat(rejection.httpStatus()).isEqualTo(422);
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the decoding thread was interrupted").isTrue();
        assertThat(decoding.run(GENEROUS, () -> "next")).isEqualTo("next");
    }

    @Test
    void fullDecoderAndQueueAnswerBusyNotARejectionOfTheFile() throws Exception {
        ArtworkDecoding decoding = new ArtworkDecoding(1, 0);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean firstFinished = new AtomicBoolean();
        Thread first = new Thread(() -> firstFinished.set(decoding.run(GENEROUS, () -> {
            running.countDown();
            return release.await(30, TimeUnit.SECONDS);
        })));
        first.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThrows(ArtworkDecoderBusy.class, () -> decoding.run(GENEROUS, () -> "second"));

        release.countDown();
        first.join(10_000);
        assertThat(firstFinished).isTrue();
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
