package dev.platen.workflow;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Date;

/**
 * How long an operator task may wait. Used by the BPMN as {@code ${reviewDeadlines.dueDate()}} and
 * {@code ${reviewDeadlines.escalateAfter()}}; the due date is taken from the engine's clock, so tests can move
 * time with it.
 */
@Component("reviewDeadlines")
// public: the BPMN calls its methods in expressions, and Camunda's EL finds methods on public classes only
public class ReviewDeadlines {

    private final Duration resolveWithin;

    ReviewDeadlines(@Value("${platen.review.resolve-within:PT24H}") Duration resolveWithin) {
        this.resolveWithin = resolveWithin;
    }

    /** When the task is due: now on the engine's clock plus the configured time. */
    public Date dueDate() {
        return new Date(ClockUtil.getCurrentTime().getTime() + resolveWithin.toMillis());
    }

    /** The escalation timer's duration, ISO 8601, as the BPMN timer wants it. */
    public String escalateAfter() {
        return resolveWithin.toString();
    }
}
