package dev.platen.workflow;

import dev.platen.orders.OrderAccepted;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the order process when an order is stored. It listens synchronously, inside the storing
 * transaction: the order and its process instance are committed together or not at all. The process's first
 * step is asynchronous, so this only writes a job row.
 */
@Component
class OrderProcessStarter {

    static final String PROCESS_KEY = "order-prepress";

    private final RuntimeService runtime;

    OrderProcessStarter(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(OrderAccepted accepted) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, accepted.orderId());
    }
}
