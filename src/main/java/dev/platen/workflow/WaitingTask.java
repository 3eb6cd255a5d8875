package dev.platen.workflow;

import java.time.Instant;

/** An open operator task of a placement: when it is due and how urgent the engine holds it (escalation raises it). */
public record WaitingTask(String placementId, Instant due, int priority) {

    public boolean overdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
