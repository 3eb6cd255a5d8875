package dev.platen.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

// Alone in the test JVM: its steps sleep against limits of a few hundred milliseconds.
@Isolated
class StepTimeLimitTest {

    @Test
    void stepPastItsLimitFailsWithAMessageNamingStepPlacementAndLimit() throws InterruptedException {
        StepTimeLimit limit = new StepTimeLimit(Duration.ofMillis(300));
        CountDownLatch stopped = new CountDownLatch(1);

        StepTimedOut timedOut = assertThrows(StepTimedOut.class, () -> limit.start("Render print files", "p-17")
                .run(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        stopped.countDown();
                    }
                    return null;
                }));

        assertThat(timedOut.getMessage()).contains("Render print files", "p-17", "did not finish",
                "platen.orders.step-time-limit");
        assertThat(stopped.await(10, TimeUnit.SECONDS)).as("the step's work was interrupted").isTrue();
    }

    @Test
    void partsOfAStepShareOneClock() throws InterruptedException {
        StepTimeLimit limit = new StepTimeLimit(Duration.ofMillis(1000));
        StepTimeLimit.Clock clock = limit.start("Inspect artwork", "p-1");

        assertThat(clock.run(() -> {
            Thread.sleep(700);
            return "first part";
        })).isEqualTo("first part");
        // 700 ms of the 1000 are gone: a second part of 700 ms no longer fits
        assertThrows(StepTimedOut.class, () -> clock.run(() -> {
            Thread.sleep(700);
            return "second part";
        }));
    }

    @Test
    void failuresOfTheWorkReachTheJobUnchanged() {
        StepTimeLimit limit = new StepTimeLimit(Duration.ofSeconds(30));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> limit.start("Inspect artwork", "p-2").run(() -> {
                    throw new IllegalStateException("the store lost the file");
                }));

        assertThat(failure.getMessage()).isEqualTo("the store lost the file");
    }
}
