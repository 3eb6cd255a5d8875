package dev.platen.delivery;

/**
 * Published inside the transaction that recorded a webhook event, so that its delivery is scheduled
 * atomically with the fact it reports; delivery itself happens later, with retries, through
 * {@link PartnerWebhooks#deliver(String)}.
 */
public record WebhookEventRecorded(String eventId, String partner, String type) {
}
