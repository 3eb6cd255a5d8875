package dev.platen.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one way a stored file is downloaded: print files by the shop and by partners (with their key or a signed
 * link), proof images. A stored file is named by its SHA-256 and never changes, so the hash is a strong ETag, the
 * file may be cached for good, and its {@code Repr-Digest} (RFC 9530) is the hash too (of the whole file, also on a
 * 206: it describes the representation, not the part sent).
 *
 * <p>The request is answered in the order of RFC 9110 §13.2.2: {@code If-None-Match} (304), then {@code If-Range},
 * then {@code Range}, read with Spring's {@link HttpRange} and served by Spring from the {@link Resource} as a
 * {@link org.springframework.core.io.support.ResourceRegion}. One range is a 206; a range with none of the file's
 * bytes is a 416 {@link ApiProblem} ({@code RANGE_NOT_SATISFIABLE}) with {@code Content-Range: bytes *}{@code /length};
 * several ranges, a header that is not valid byte-range syntax, or an {@code If-Range} that is not this file's ETag
 * get the whole file, as §14.2 allows. Spring's own handling of a {@code Resource} body does not do all of this (it
 * ignores {@code If-Range}, answers an unsatisfiable range with the whole file as the 416's body, and serves several
 * ranges as multipart), so those cases are decided here and only a single satisfiable range is left to Spring.
 *
 * @param file        the stored bytes; their length is the representation's
 * @param disposition how a browser should save it (an attachment with a file name), or null to show it
 */
public record FileDownload(Resource file, String sha256, MediaType mediaType, @Nullable ContentDisposition disposition) {

    /**
     * The answer to {@code request} (GET or HEAD) for this file.
     *
     * @throws ApiProblem 416 when the one range asked for has none of the file's bytes
     */
    public ResponseEntity<?> answer(HttpServletRequest request) throws IOException {
        long length = file.contentLength();
        ETag etag = ETag.create("\"" + sha256 + "\"");
        HttpHeaders validators = new HttpHeaders();
        validators.setETag(etag.formattedTag());
        validators.setCacheControl(CacheControl.maxAge(365, TimeUnit.DAYS).cachePrivate().immutable());
        validators.set(HttpHeaders.ACCEPT_RANGES, "bytes");

        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ETag.parse(ifNoneMatch).stream().anyMatch(t -> t.isWildcard() || t.compare(etag, false))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(validators).build();
        }

        HttpHeaders representation = new HttpHeaders();
        representation.addAll(validators);
        representation.setContentType(mediaType);
        representation.set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(sha256)) + ":");
        if (disposition != null) {
            representation.setContentDisposition(disposition);
        }
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        List<HttpRange> ranges = range == null || (ifRange != null && !ETag.create(ifRange.trim()).compare(etag, true))
                ? List.of() : parse(range);
        if (ranges.size() != 1) {
            if (range == null) {
                return ResponseEntity.ok().headers(representation).body(file);
            }
            // A Range header that is not followed: the body must not be a Resource, or Spring would serve the range
            // from it after all. Spring reads an InputStreamResource through once, as a whole answer should be.
            representation.setContentLength(length);
            return ResponseEntity.ok().headers(representation).body(new InputStreamResource(file));
        }
        try {
            ranges.get(0).toResourceRegion(file);
        } catch (IllegalArgumentException noneOfIt) {
            throw new ApiProblem(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "RANGE_NOT_SATISFIABLE",
                    "The file has " + length + " bytes; the requested range has none of them.")
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                    .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        }
        // One range with bytes of the file in it: Spring turns a Resource body into the 206 (a ResourceRegion with
        // its Content-Range and Content-Length), reading only that part of the file.
        return ResponseEntity.ok().headers(representation).body(file);
    }

    /** The ranges asked for; none when the header is not valid byte-range syntax (it is then ignored). */
    private static List<HttpRange> parse(String header) {
        try {
            return HttpRange.parseRanges(header);
        } catch (IllegalArgumentException notByteRanges) {
            return List.of();
        }
    }
}
