package dev.platen.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The waits between the attempts of a file step (Inspect artwork, Render print files, Soft proof), from
 * {@code platen.orders.step-retry-cycle}, for {@link FileWorkers}.
 *
 * <p>A busy decoder ({@code ArtworkDecoderBusy}: the queue full, no thread free within the wait, or a file starved
 * of its time by other work) fails the step rather than judging the file. Trying again at once would run into the
 * same burst; the cycle spaces the attempts out instead (10 s, 30 s, 1, 2, 5 and 10 minutes by default: about 19
 * minutes in all, seven attempts), long enough for an upload burst to drain, before an incident is raised.
 */
@Component
class StepRetries {

    private final List<Duration> waits;

    StepRetries(@Value("${platen.orders.step-retry-cycle:PT10S,PT30S,PT1M,PT2M,PT5M,PT10M}") String cycle) {
        this.waits = Arrays.stream(cycle.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                .map(Duration::parse).toList();
    }

    /** How many attempts are left after one that failed, given the task's count before it (null: never failed). */
    int leftAfterFailure(Integer retriesBefore) {
        return retriesBefore == null ? waits.size() : Math.max(0, retriesBefore - 1);
    }

    /** The wait before the next attempt, when {@code left} attempts remain after a failure. */
    Duration waitWith(int left) {
        int index = waits.size() - left;
        return left <= 0 || index < 0 ? Duration.ZERO : waits.get(index);
    }
}
