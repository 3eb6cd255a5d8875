package dev.platen.workflow;

import dev.platen.delivery.PartnerWebhooks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Deliver webhook": one signed POST to the partner. A failure propagates, so the engine retries on the
 * task's back-off cycle and raises an incident when it is used up.
 */
@Component("deliverWebhookDelegate")
class DeliverWebhookDelegate implements JavaDelegate {

    private final PartnerWebhooks webhooks;

    DeliverWebhookDelegate(PartnerWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(PartnerWebhookStarter.EVENT_ID);
        if (!(id instanceof String eventId) || eventId.isBlank()) {
            throw new IllegalStateException("process variable " + PartnerWebhookStarter.EVENT_ID + " is missing");
        }
        webhooks.deliver(eventId);
    }
}
