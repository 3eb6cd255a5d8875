package dev.platen.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of the placement steps that decode art ("Inspect artwork", "Render print files", "Soft proof"),
 * from {@code platen.orders.step-retry-cycle}, for the BPMN's {@code failedJobRetryTimeCycle} expression.
 *
 * <p>A busy decoder ({@code ArtworkDecoderBusy}: the queue full, no thread free within the wait, or a file starved
 * of its time by other work) fails the step's job rather than judging the file. Camunda's default would try the
 * job again at once, three times, into the same burst, and then mark the placement failed; the cycle spaces the
 * attempts out instead (10 s, 30 s, 1, 2, 5 and 10 minutes by default: about 19 minutes in all), long enough for an
 * upload burst to drain, before an incident is raised. Public because the expression language only calls methods
 * of public classes.
 */
@Component("stepRetries")
public class StepRetries {

    private final String cycle;

    StepRetries(@Value("${platen.orders.step-retry-cycle:PT10S,PT30S,PT1M,PT2M,PT5M,PT10M}") String cycle) {
        this.cycle = cycle;
    }

    public String cycle() {
        return cycle;
    }
}
