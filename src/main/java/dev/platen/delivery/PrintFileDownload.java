package dev.platen.delivery;

import dev.platen.orders.PrintFileRecord;
import dev.platen.storage.ObjectStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Streams a print file to a partner. A stored object never changes, so its SHA-256 is a strong ETag and its
 * {@code Repr-Digest} (RFC 9530); the digest is of the whole file, also on a 206, because it describes the
 * representation and not the part sent. Ranges: one range per request (see {@link ByteRange}).
 */
@Component
class PrintFileDownload {

    private final ObjectStore store;

    PrintFileDownload(ObjectStore store) {
        this.store = store;
    }

    void send(PrintFileRecord file, String fileName, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String etag = "\"" + file.sha256() + "\"";
        if (store.find(file.sha256()).filter(o -> o.bytes() == file.bytes()).isEmpty()) {
            throw new IllegalStateException("print file " + file.sha256() + " is missing from the object store");
        }
        response.setHeader("ETag", etag);
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long total = file.bytes();
        ByteRange range = ByteRange.of(request.getHeader("Range"), total);
        String ifRange = request.getHeader("If-Range");
        if (ifRange != null && !ifRange.trim().equals(etag)) {
            // §13.1.5: a validator that does not match (or a date: we have none) means "send it all".
            range = new ByteRange.Whole();
        }
        if (range instanceof ByteRange.Unsatisfiable) {
            throw new DeliveryProblem(416, "RANGE_NOT_SATISFIABLE", "The file has " + total
                    + " bytes; the requested range has none of them.", Map.of("Content-Range", "bytes */" + total,
                    "Accept-Ranges", "bytes"));
        }
        long first = 0;
        long length = total;
        if (range instanceof ByteRange.Part part) {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", part.contentRange(total));
            first = part.first();
            length = part.length();
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
        }
        response.setContentType(file.mediaType());
        response.setContentLengthLong(length);
        response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(file.sha256())) + ":");
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString());
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = store.open(file.sha256())) {
            in.skipNBytes(first);
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("print file " + file.sha256() + " ended " + left + " bytes early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /** RFC 9110 §13.1.2: weak comparison, a list of entity tags or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
