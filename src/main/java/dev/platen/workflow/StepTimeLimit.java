package dev.platen.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The time one placement step (inspecting, rendering, proofing) may take, {@code platen.orders.step-time-limit}. A step past
 * it throws {@link StepTimedOut}: the step fails, the engine retries it and then raises an incident, and the
 * placement is marked failed with the message. Only the step's file work runs under the clock, on a thread of
 * its own that can be interrupted; the order book's reads and writes stay on the worker's thread.
 *
 * <p>Kept by the steps ({@link FileStep}), not by the capabilities they call: a step wraps its call to artwork,
 * render or proof in its clock, and those modules take values and know no limit. The property keeps its
 * {@code platen.orders} name so that deployed configurations still set it.
 */
@Component
class StepTimeLimit {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Duration limit;
    private final ExecutorService workers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "placement-step-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    StepTimeLimit(@Value("${platen.orders.step-time-limit:PT5M}") Duration limit) {
        this.limit = limit;
    }

    /** A clock for one step of one placement, started now. */
    Clock start(String step, String placementId) {
        return new Clock(step, placementId, System.nanoTime() + limit.toNanos());
    }

    final class Clock {
        private final String step;
        private final String placementId;
        private final long deadline;

        private Clock(String step, String placementId, long deadline) {
            this.step = step;
            this.placementId = placementId;
            this.deadline = deadline;
        }

        /** Runs part of the step within what is left of its time; interrupts it when the time is up. */
        <T> T run(Callable<T> work) {
            Future<T> future = workers.submit(work);
            try {
                return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new StepTimedOut(step + " of placement " + placementId + " did not finish within "
                        + limit.toSeconds() + " s (platen.orders.step-time-limit); it was stopped");
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new StepTimedOut(step + " of placement " + placementId + " was interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(step + " of placement " + placementId + " failed", e.getCause());
            }
        }
    }
}
