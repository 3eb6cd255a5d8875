package dev.platen.workflow;

import dev.platen.delivery.WebhookEventRecorded;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Starts one {@code partner-webhook} process per recorded webhook event, inside the transaction that recorded
 * it: the event and its delivery job are committed together or not at all. Delivery is the process's first,
 * asynchronous step, so this only writes a job row.
 */
@Component
class PartnerWebhookStarter {

    static final String PROCESS_KEY = "partner-webhook";
    static final String EVENT_ID = "webhookEventId";

    private final RuntimeService runtime;

    PartnerWebhookStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(WebhookEventRecorded recorded) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, recorded.eventId(), Map.of(EVENT_ID, recorded.eventId(),
                "partner", recorded.partner(), "eventType", recorded.type()));
    }
}
