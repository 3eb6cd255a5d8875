package dev.platen.artwork;

/**
 * The engine is overloaded, the file is not at fault: every decoder thread is busy and the queue in front of them
 * full, no thread took the file up within {@link ArtworkLimits#decoderWait()}, or the file ran out of time on a
 * decoder starved by other work. The file was not judged. The API answers 503 with Retry-After; a workflow step
 * fails its job, which the engine tries again on its back-off cycle.
 */
public class ArtworkDecoderBusy extends RuntimeException {

    public static final String CODE = "ARTWORK_DECODER_BUSY";

    /** Public so that a reader wrapping the inspector (a cache, a test double) can say the same. */
    public ArtworkDecoderBusy(String message) {
        super(message);
    }
}
