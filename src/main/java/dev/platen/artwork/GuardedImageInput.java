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
    /** RandomAccessFile reads are system calls; decoders read byte by byte. */
    private final byte[] buffer = new byte[1 << 16];
    private long bufferStart;
    private int bufferLength;
    private int readsPastEnd;

    GuardedImageInput(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "r");
    }

    @Override
    public int read() throws IOException {
        checkInterrupt();
        bitOffset = 0;
        if (!buffered(streamPos) && !fill()) {
            pastEnd();
            return -1;
        }
        return buffer[(int) (streamPos++ - bufferStart)] & 0xFF;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        checkInterrupt();
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (!buffered(streamPos)) {
            if (length >= buffer.length) {
                // large reads go straight to the file
                file.seek(streamPos);
                int n = file.read(bytes, offset, length);
                if (n < 0) {
                    pastEnd();
                    return -1;
                }
                streamPos += n;
                return n;
            }
            if (!fill()) {
                pastEnd();
                return -1;
            }
        }
        int n = (int) Math.min(length, bufferStart + bufferLength - streamPos);
        System.arraycopy(buffer, (int) (streamPos - bufferStart), bytes, offset, n);
        streamPos += n;
        return n;
    }

    private boolean buffered(long position) {
        return position >= bufferStart && position < bufferStart + bufferLength;
    }

    /** Reads the buffer from the stream position; false at the end of the file. */
    private boolean fill() throws IOException {
        file.seek(streamPos);
        int n = file.read(buffer, 0, buffer.length);
        bufferStart = streamPos;
        bufferLength = Math.max(n, 0);
        return n > 0;
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
