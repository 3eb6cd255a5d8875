package dev.platen.testing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HostileFilesTest {

    /**
     * The bombs' zeros are a zlib stream put together from repeated blocks: the JDK's inflater (which checks the
     * Adler-32 at the end) must give back exactly that many zero bytes, whole chunks and a rest alike.
     */
    @Test
    void deflatedZerosInflateToExactlyThatManyZeros() throws IOException {
        for (long length : new long[] {0, 1, 16 << 20, (2L << 24) + 12_345}) {
            long count = 0;
            boolean allZero = true;
            byte[] zlib = HostileFiles.deflatedZeros(length);
            try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(zlib))) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; count += n) {
                    for (int i = 0; i < n; i++) {
                        allZero &= buffer[i] == 0;
                    }
                }
            }
            assertThat(count).as("bytes inflated from %d zeros", length).isEqualTo(length);
            assertThat(allZero).as("all of them zero").isTrue();
        }
    }
}
