package dev.platen.web;

import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The minimum body rate on a body fed in by hand, on a short grace: a body that keeps pace is read to its end, one that
 * trickles ends early with the reason given, as does one whose client stops sending (the socket's read timeout).
 */
// Alone in the test JVM: it measures how long a paced body takes to end, in milliseconds.
@Isolated
class PacedInputTest {

    /** 1000 bytes a second over stretches of 200 ms: 200 bytes a stretch. */
    private static final UploadSettings SETTINGS =
            new UploadSettings(DataSize.ofBytes(1000), Duration.ofMillis(200), Duration.ofSeconds(3), 4,
                    java.nio.file.Path.of("target/paced-input-uploads"), Duration.ofMinutes(2));

    @Test
    void aBodyThatKeepsPaceIsReadToItsEnd() throws IOException {
        // 100 bytes every 50 ms: 2000 bytes a second, for 600 ms (three stretches)
        List<String> givenUp = new ArrayList<>();
        PacedInput paced = new PacedInput(new Client(100, 50, 12, false), SETTINGS, givenUp::add);
        assertThat(readAll(paced)).isEqualTo(1200);
        assertThat(givenUp).isEmpty();
        assertThat(paced.tooSlow()).isNull();
    }

    @Test
    void aBodySlowerThanTheRateEndsAfterTheGraceWithItsReason() throws IOException {
        // 10 bytes every 50 ms: 200 bytes a second, for a second
        List<String> givenUp = new ArrayList<>();
        long start = System.nanoTime();
        PacedInput paced = new PacedInput(new Client(10, 50, 20, false), SETTINGS, givenUp::add);
        long read = readAll(paced);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(read).as("the body ends early").isLessThan(200);
        // Not at the client's pace (its 200 bytes take 1000 ms): after the first stretch (200 ms) on a quiet machine,
        // a stretch or two later on a loaded one, whose sleeps overrun.
        assertThat(ms).as("after the first stretch, not at the client's pace").isBetween(200L, 999L);
        assertThat(givenUp).singleElement().asString().contains("bytes/s", "at least 1000 bytes/s");
        assertThat(paced.doRead(new ReadBuffer())).as("and stays ended").isEqualTo(-1);
    }

    @Test
    void aClientThatStopsSendingEndsItsBodyAtTheReadTimeout() throws IOException {
        List<String> givenUp = new ArrayList<>();
        PacedInput paced = new PacedInput(new Client(100, 10, 3, true), SETTINGS, givenUp::add);
        assertThat(readAll(paced)).isEqualTo(300);
        assertThat(givenUp).singleElement().asString().contains("No byte of the request body arrived for 3 s");
    }

    private static long readAll(PacedInput paced) throws IOException {
        long total = 0;
        ReadBuffer handler = new ReadBuffer();
        for (int n; (n = paced.doRead(handler)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** A client sending {@code chunks} of {@code bytes} every {@code everyMillis}; then the end, or a silence. */
    private record Client(int bytes, long everyMillis, int chunks, boolean thenSilent, int[] sent) implements InputBuffer {

        Client(int bytes, long everyMillis, int chunks, boolean thenSilent) {
            this(bytes, everyMillis, chunks, thenSilent, new int[1]);
        }

        @Override
        public int doRead(ApplicationBufferHandler handler) throws IOException {
            if (sent[0] == chunks) {
                if (thenSilent) {
                    throw new SocketTimeoutException();
                }
                return -1;
            }
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sent[0]++;
            handler.setByteBuffer(ByteBuffer.wrap(new byte[bytes]));
            return bytes;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
