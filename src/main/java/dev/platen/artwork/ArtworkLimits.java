package dev.platen.artwork;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits checked before anything is decoded or allocated, and the bounds of the decoding itself. Every value is a
 * {@code platen.artwork.*} property; the README's "Limits" section lists them with their defaults.
 *
 * @param maxUploadBytes      largest upload accepted (default 200 MB)
 * @param maxPixels           largest pixel count of one image, width x height (default 300 MP)
 * @param maxPdfPagesUsed     pages of a PDF that are used; more pages give a finding, not a rejection
 * @param maxDecodedBytes     largest estimated size of one decoded image or rendered page in memory: pixels x
 *                            samples x bytes per sample, as the decoder will hold it (default 1 GiB)
 * @param maxPdfStreamBytes   largest decoded size of one PDF stream (content, form, font, profile, the
 *                            general-purpose filter stages of an image) (default 64 MiB)
 * @param maxPdfDocumentBytes largest decoded size of all streams the first page uses together (default 256 MiB)
 * @param maxPdfObjectDepth   deepest nesting of dictionaries, arrays and references walked from the first page
 *                            (default 128)
 * @param timeLimit           time for reading the headers or decoding one file (default 10 s)
 * @param renderTimeLimit     time for producing one file's pixels for printing (default 60 s)
 * @param decoderThreads      files decoded at once; each holds at most maxDecodedBytes (default 2)
 * @param decoderQueue        files waiting for a decoder thread before the engine answers "busy" (default 16)
 * @param decoderWait         longest a file waits in that queue for a decoder thread before the answer is "busy"
 *                            (default 30 s); not counted in the time limits, which start when a thread takes the
 *                            file up, so that a burst of uploads never times a good file out
 */
@ConfigurationProperties("platen.artwork")
public record ArtworkLimits(
        long maxUploadBytes,
        long maxPixels,
        int maxPdfPagesUsed,
        long maxDecodedBytes,
        long maxPdfStreamBytes,
        long maxPdfDocumentBytes,
        int maxPdfObjectDepth,
        Duration timeLimit,
        Duration renderTimeLimit,
        int decoderThreads,
        int decoderQueue,
        Duration decoderWait) {

    @ConstructorBinding
    public ArtworkLimits(
            @DefaultValue("200000000") long maxUploadBytes,
            @DefaultValue("300000000") long maxPixels,
            @DefaultValue("1") int maxPdfPagesUsed,
            @DefaultValue("1073741824") long maxDecodedBytes,
            @DefaultValue("67108864") long maxPdfStreamBytes,
            @DefaultValue("268435456") long maxPdfDocumentBytes,
            @DefaultValue("128") int maxPdfObjectDepth,
            @DefaultValue("10s") Duration timeLimit,
            @DefaultValue("60s") Duration renderTimeLimit,
            @DefaultValue("2") int decoderThreads,
            @DefaultValue("16") int decoderQueue,
            @DefaultValue("30s") Duration decoderWait) {
        if (decoderThreads < 1 || decoderQueue < 0 || decoderWait.isNegative()) {
            throw new IllegalArgumentException("platen.artwork.decoder-threads must be at least 1, "
                    + "decoder-queue at least 0 and decoder-wait not negative");
        }
        this.maxUploadBytes = maxUploadBytes;
        this.maxPixels = maxPixels;
        this.maxPdfPagesUsed = maxPdfPagesUsed;
        this.maxDecodedBytes = maxDecodedBytes;
        this.maxPdfStreamBytes = maxPdfStreamBytes;
        this.maxPdfDocumentBytes = maxPdfDocumentBytes;
        this.maxPdfObjectDepth = maxPdfObjectDepth;
        this.timeLimit = timeLimit;
        this.renderTimeLimit = renderTimeLimit;
        this.decoderThreads = decoderThreads;
        this.decoderQueue = decoderQueue;
        this.decoderWait = decoderWait;
    }

    /** All limits but the decoder wait, which keeps its default. */
    public ArtworkLimits(long maxUploadBytes, long maxPixels, int maxPdfPagesUsed, long maxDecodedBytes,
                         long maxPdfStreamBytes, long maxPdfDocumentBytes, int maxPdfObjectDepth, Duration timeLimit,
                         Duration renderTimeLimit, int decoderThreads, int decoderQueue) {
        this(maxUploadBytes, maxPixels, maxPdfPagesUsed, maxDecodedBytes, maxPdfStreamBytes, maxPdfDocumentBytes,
                maxPdfObjectDepth, timeLimit, renderTimeLimit, decoderThreads, decoderQueue, Duration.ofSeconds(30));
    }

    /** The three limits most callers set, with the defaults for the rest. */
    public ArtworkLimits(long maxUploadBytes, long maxPixels, int maxPdfPagesUsed) {
        this(maxUploadBytes, maxPixels, maxPdfPagesUsed, DEFAULTS.maxDecodedBytes, DEFAULTS.maxPdfStreamBytes,
                DEFAULTS.maxPdfDocumentBytes, DEFAULTS.maxPdfObjectDepth, DEFAULTS.timeLimit,
                DEFAULTS.renderTimeLimit, DEFAULTS.decoderThreads, DEFAULTS.decoderQueue, DEFAULTS.decoderWait);
    }

    private static final ArtworkLimits DEFAULTS = new ArtworkLimits(200_000_000L, 300_000_000L, 1, 1L << 30,
            64L << 20, 256L << 20, 128, Duration.ofSeconds(10), Duration.ofSeconds(60), 2, 16, Duration.ofSeconds(30));

    /**
     * The decoded-byte budget in force: {@link #maxDecodedBytes()}, but never more than the heap can give every
     * decoder thread at once with room to spare (max heap / (threads + 1)). A 1 GiB budget on a 512 MB heap would
     * let a file within the limits still run the heap out; this way the refusal comes before the allocation.
     */
    public long decodedBytesBudget() {
        return Math.min(maxDecodedBytes, Runtime.getRuntime().maxMemory() / (decoderThreads + 1));
    }

    /** The documented defaults, as the application runs without configuration. */
    public static ArtworkLimits defaults() {
        return DEFAULTS;
    }
}
