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

    @Test
    void fileTimedOutWhileWaitingGivesUpItsPlaceInTheQueue() throws Exception {
        ArtworkDecoding decoding = new ArtworkDecoding(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A decoder that ignores interrupts keeps the only thread.
        Thread stuck = new Thread(() -> {
            try {
                decoding.run(Duration.ofMillis(100), () -> {
                    running.countDown();
                    while (release.getCount() > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                        Thread.interrupted();
                    }
                    return null;
                });
            } catch (ArtworkRejected expected) {
                // timed out, the thread stays busy
            }
        });
        stuck.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        // Waits in the queue, times out: its place must be free again for the next file.
        assertThrows(ArtworkRejected.class, () -> decoding.run(Duration.ofMillis(100), () -> "waited"));
        ArtworkRejected next = assertThrows(ArtworkRejected.class,
                () -> decoding.run(Duration.ofMillis(100), () -> "queued, not busy"));

        assertThat(next.code()).isEqualTo("ARTWORK_TIMEOUT");
        release.countDown();
        stuck.join(10_000);
        assertThat(decoding.run(GENEROUS, () -> "served")).isEqualTo("served");
    }

    @Test
    void webpDecoderReadingPastTheEndOfItsDataIsStoppedAsTruncated() throws Exception {
        // Found by fuzzing: 80 bytes of VP8L whose Huffman groups TwelveMonkeys read from zero padding for minutes.
        java.nio.file.Path file = java.nio.file.Path.of(getClass().getResource(
                "/dev/platen/artwork/ArtworkFuzzTestInputs/webp/crash-vp8l-huffman-groups-read-past-end").toURI());

        ArtworkRejected rejection = assertThrows(ArtworkRejected.class,
                () -> ArtworkFiles.inspector().decodeFully(file));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
