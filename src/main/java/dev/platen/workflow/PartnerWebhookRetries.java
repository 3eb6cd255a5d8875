package dev.platen.workflow;

import dev.platen.delivery.DeliverySettings;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of "Deliver webhook", from {@code platen.delivery.webhook-retry-cycle}, for the BPMN's
 * {@code failedJobRetryTimeCycle} expression (so that a test or a deployment can change it without editing
 * the model). Public because the expression language only calls methods of public classes.
 */
@Component("partnerWebhookRetries")
// public: the BPMN calls its methods in expressions, and Camunda's EL finds methods on public classes only
public class PartnerWebhookRetries {

    private final DeliverySettings settings;

    PartnerWebhookRetries(DeliverySettings settings) {
        this.settings = settings;
    }

    public String cycle() {
        return settings.webhookRetryCycle();
    }
}
