package dev.platen.web;

import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.function.Consumer;

/**
 * A request body as Tomcat reads it from the socket, held to a minimum pace: every stretch of {@code grace} (the first
 * starting with the first read) must bring at least {@code minRate} bytes a second on average, and a read that waits
 * longer than the read timeout ends the body too. Either way the body ends there, as if the client had sent no more:
 * whoever reads (Tomcat's multipart parser, a JSON reader) finds it cut short and gives up, and the request thread is
 * free again; {@code onGiveUp} is told why, so that the answer can say so.
 *
 * <p>An early end rather than a failed read on purpose: Tomcat answers a failed read itself (a 400 through the error
 * page, whatever the application answers), so the API could not tell the client what happened.
 *
 * <p>It sits below the servlet input stream on purpose: Tomcat's multipart parser reads its own request's stream, not
 * the one a servlet filter could wrap, and that parser is where slow uploads held the threads.
 */
final class PacedInput implements InputBuffer {

    private final InputBuffer socket;
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long readTimeoutSeconds;
    private final Consumer<String> onGiveUp;
    private long stretchStart = -1;
    private long stretchBytes;
    private @Nullable String tooSlow;

    PacedInput(InputBuffer socket, UploadSettings settings, Consumer<String> onGiveUp) {
        this.socket = socket;
        this.minBytesPerSecond = settings.minRate().toBytes();
        this.graceNanos = settings.grace().toNanos();
        this.readTimeoutSeconds = settings.readTimeout().toSeconds();
        this.onGiveUp = onGiveUp;
    }

    /** What this paced input reads from (Tomcat's own buffer of the connection). */
    InputBuffer socket() {
        return socket;
    }

    /** Why the body was given up, or null while it keeps pace. */
    @Nullable String tooSlow() {
        return tooSlow;
    }

    @Override
    public int doRead(ApplicationBufferHandler handler) throws IOException {
        if (tooSlow != null) {
            return -1;
        }
        long now = System.nanoTime();
        if (stretchStart < 0) {
            stretchStart = now;
        }
        int n;
        try {
            n = socket.doRead(handler);
        } catch (SocketTimeoutException stalled) {
            return giveUp("No byte of the request body arrived for " + readTimeoutSeconds + " s.");
        }
        if (n > 0) {
            stretchBytes += n;
        }
        now = System.nanoTime();
        long elapsed = now - stretchStart;
        if (n >= 0 && elapsed >= graceNanos) {
            long bytesPerSecond = (long) (stretchBytes * 1e9 / elapsed);
            if (bytesPerSecond < minBytesPerSecond) {
                // what this read brought is dropped with the rest: the body ends before it
                handler.getByteBuffer().position(handler.getByteBuffer().limit());
                return giveUp("The request body arrived at " + bytesPerSecond + " bytes/s over "
                        + Math.round(elapsed / 1e9) + " s; at least " + minBytesPerSecond + " bytes/s are needed.");
            }
            stretchStart = now;
            stretchBytes = 0;
        }
        return n;
    }

    private int giveUp(String why) {
        tooSlow = why + " The request was not read to its end and its connection is closed: send it again.";
        onGiveUp.accept(tooSlow);
        return -1;
    }

    @Override
    public int available() {
        return socket.available();
    }
}
