package dev.platen.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How slow a client may send a request body, and how many bodies one client may send at once, before a request
 * thread is taken back from it (see {@link BodyPace} and {@link UploadSlots}).
 *
 * @param minRate     the least a body must bring per second, measured over each stretch of {@code grace}; slower, the
 *                    request is answered 408 {@code UPLOAD_TOO_SLOW} and its connection closed (default 1 KB: a
 *                    200 MB upload would still be allowed two days)
 * @param grace       the stretch over which the rate is measured, the first one starting with the body's first read
 *                    (default 10 s): a client is never judged on a shorter pause than this
 * @param readTimeout longest wait for the next bytes of a body (Tomcat's upload timeout): a client that stops
 *                    sending is let go after it (default 10 s)
 * @param perKey      bodies one API key (or signed-in operator) may be sending at once; more answer 429
 *                    {@code TOO_MANY_UPLOADS} at once (default 32, well under Tomcat's 200 request threads, so that
 *                    one client's uploads leave the others most of them)
 * @param folder      where Tomcat writes the parts of a multipart upload as they arrive (above
 *                    {@code spring.servlet.multipart.file-size-threshold}); default {@code ./data/uploads}, beside the
 *                    database, instead of a new folder under the system's temp directory at every start, which a
 *                    crash left full for good
 * @param abandonedAfter at start, files of {@code folder} untouched this long are removed: what uploads cut short by
 *                    a crash left. A live upload touches its file at least every {@code read-timeout}, and is cut off
 *                    below {@code min-rate}, so two minutes (the default) spares every upload still running, here or
 *                    on another node sharing the folder
 */
@ConfigurationProperties("platen.uploads")
record UploadSettings(
        @DefaultValue("1KB") DataSize minRate,
        @DefaultValue("10s") Duration grace,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("32") int perKey,
        @DefaultValue("./data/uploads") Path folder,
        @DefaultValue("2m") Duration abandonedAfter) {

    public UploadSettings {
        if (minRate.toBytes() < 1 || grace.isNegative() || grace.isZero() || readTimeout.isNegative()
                || readTimeout.isZero() || perKey < 1) {
            throw new IllegalArgumentException("platen.uploads: min-rate, grace, read-timeout and per-key must all be"
                    + " positive");
        }
    }
}
