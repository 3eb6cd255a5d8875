package dev.platen.delivery;

import org.jspecify.annotations.Nullable;

/** The partner's server did not take a webhook (no answer, or not a 2xx); the caller is expected to retry. */
class WebhookNotDelivered extends RuntimeException {

    WebhookNotDelivered(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
