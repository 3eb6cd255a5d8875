package dev.platen.web;

import org.apache.tomcat.util.net.ApplicationBufferHandler;

import java.nio.ByteBuffer;

/**
 * Where Tomcat puts the bytes of one read of a request body ({@code InputBuffer.doRead}): it hands over a view of its
 * own buffer, which the reader looks at or drops before the next read.
 */
final class ReadBuffer implements ApplicationBufferHandler {

    private ByteBuffer buffer = ByteBuffer.allocate(0);

    @Override
    public void setByteBuffer(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public void expand(int size) {
        // Tomcat's buffer is handed over as it is: nothing of its own to grow
    }
}
