package dev.platen.workflow;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * An open operator task of a placement: what it asks, when it is due and how urgent the engine holds it (escalation
 * raises it).
 *
 * @param task the task's name in the process, e.g. "Review proof"
 */
public record WaitingTask(String placementId, String task, @Nullable Instant due, int priority) {

    public boolean overdue(Instant now) {
        return due != null && due.isBefore(now);
    }
}
