package dev.platen.workflow;

/** A placement step ran past {@code platen.orders.step-time-limit}; its message becomes the incident's. */
class StepTimedOut extends RuntimeException {

    StepTimedOut(String message) {
        super(message);
    }
}
