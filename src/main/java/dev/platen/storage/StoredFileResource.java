package dev.platen.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored object as a Spring resource, so that byte ranges of it can be served ({@code web.FileDownload}).
 * Spring writes a byte range by skipping to its start and reading on; the stream here turns that first skip into a
 * ranged read from the store, so a resumed download of a large print file never pulls the bytes before the range
 * through this node.
 */
public final class StoredFileResource extends AbstractResource {

    private final ObjectStore store;
    private final StoredObject object;

    public StoredFileResource(ObjectStore store, StoredObject object) {
        this.store = store;
        this.object = object;
    }

    @Override
    public String getDescription() {
        return "stored object " + object.sha256();
    }

    @Override
    public long contentLength() {
        return object.bytes();
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public InputStream getInputStream() {
        return new InputStream() {
            private @Nullable InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = store.open(object.sha256());
                }
                return in;
            }

            @Override
            public long skip(long n) throws IOException {
                if (in == null && n > 0) {
                    long offset = Math.min(n, object.bytes());
                    in = store.open(object.sha256(), offset, object.bytes() - offset);
                    return offset;
                }
                return in().skip(n);
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                return in().read(buffer, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredFileResource r && r.object.equals(object);
    }

    @Override
    public int hashCode() {
        return object.hashCode();
    }
}
