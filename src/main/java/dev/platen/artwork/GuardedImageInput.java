package dev.platen.artwork;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * The file as ImageIO decoders read it, with two guards FileImageInputStream lacks. A decoder that keeps reading
 * after the end of the data is stopped: TwelveMonkeys' WebP lossless reader pads its bit buffer with zeros past the
 * end and, on a file that declares many Huffman groups, reads those zeros for minutes (found by fuzzing: 80 bytes
 * kept a decoder thread busy past every time limit). And a decoder whose thread is interrupted (its file's time
 * limit is up) fails at its next read instead of running to the end.
 */
final class GuardedImageInput extends ImageInputStreamImpl {

    /** Readers probe a little past the end (a last bit buffer refill, a marker search); thousands are a loop. */
    private static final int MAX_READS_PAST_END = 256;

    private final RandomAccessFile file;
    private int readsPastEnd;

    GuardedImageInput(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "r");
    }

    @Override
    public int read() throws IOException {
        checkInterrupt();
        bitOffset = 0;
        int b = file.read();
        if (b < 0) {
            pastEnd();
        } else {
            streamPos++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        checkInterrupt();
        bitOffset = 0;
        int n = file.read(bytes, offset, length);
        if (n < 0) {
            pastEnd();
        } else {
            streamPos += n;
        }
        return n;
    }

    @Override
    public long length() {
        try {
            return file.length();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void seek(long position) throws IOException {
        super.seek(position);
        file.seek(position);
    }

    @Override
    public void close() throws IOException {
        super.close();
        file.close();
    }

    private void pastEnd() throws IIOException {
        if (++readsPastEnd > MAX_READS_PAST_END) {
            // Not an EOFException: decoders that pad on EOFException would go on padding.
            throw new IIOException("The decoder keeps reading past the end of file: the image data ends early");
        }
    }

    private static void checkInterrupt() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("the file's time limit is up");
        }
    }
}
