package dev.platen.delivery;

/** The partner's server did not take a webhook (no answer, or not a 2xx); the caller is expected to retry. */
class WebhookNotDelivered extends RuntimeException {

    WebhookNotDelivered(String message, Throwable cause) {
        super(message, cause);
    }
}
