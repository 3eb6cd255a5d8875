package dev.platen.artwork;

/**
 * Every decoder thread is busy and the queue in front of them is full: the engine is overloaded, the file is not
 * at fault. The API answers 503 with Retry-After; a workflow step fails and its job is retried later.
 */
public class ArtworkDecoderBusy extends RuntimeException {

    public static final String CODE = "ARTWORK_DECODER_BUSY";

    ArtworkDecoderBusy(String message) {
        super(message);
    }
}
