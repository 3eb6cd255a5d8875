package dev.platen.workflow;

import dev.platen.orders.PlacementLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This node's workers of the file steps ({@link FileStep}: inspect, render, proof), Camunda external tasks fetched
 * and worked here, {@code platen.workers.threads} at a time (default: one more than the node's cores: the steps
 * use every core for separation and compression, the one more covers their waits on the store).
 *
 * <p>Why not the job executor: a job runs inside one transaction that holds one of the pool's connections from start
 * to end, and a burst of poster renders once held all of them for minutes, so order reads and health checks waited
 * for a connection and failed. A worker holds a connection only to fetch and lock its task, for the step's own reads,
 * and for the one short transaction that records the result and completes the task.
 *
 * <p>A task is locked for {@code platen.workers.lock} (1 minute) and the lock is extended every third of that while
 * the work is alive: a node that dies has its tasks taken up by another node (or by itself after a restart) within
 * the lock, and a step that runs long is never taken twice. The step's own time limit stays
 * {@code platen.orders.step-time-limit}. A failed step is tried again after the waits of
 * {@code platen.orders.step-retry-cycle} ({@link StepRetries}); after the last an incident is raised (Cockpit shows
 * it, and can retry it) and the placement is marked failed.
 */
@Component
class FileWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FileWorkers.class);
    /** An idle worker polls again after this, doubling up to {@link #LONGEST_IDLE}; a task made here wakes it. */
    private static final Duration SHORTEST_IDLE = Duration.ofMillis(200);
    private static final Duration LONGEST_IDLE = Duration.ofSeconds(2);
    /** Completions tried when each loses a race on Camunda's optimistic lock (see {@link #complete}). */
    private static final int COMPLETION_ATTEMPTS = 5;
    /** Camunda keeps at most this much of an incident's message. */
    private static final int MESSAGE_LENGTH = 600;

    private final ExternalTaskService tasks;
    private final TransactionTemplate transaction;
    private final Map<String, FileStep<?>> steps = new LinkedHashMap<>();
    private final StepRetries retries;
    private final PlacementLifecycle lifecycle;
    private final MeterRegistry meters;
    private final FileStepArrivals arrivals;
    private final int threads;
    private final Duration lock;
    private final boolean enabled;
    private final String owner;

    /** Renews the locks of the steps under way (also of those a process test runs itself, with the workers off). */
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "file-worker-locks");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable ExecutorService workers;
    private volatile boolean running;

    FileWorkers(ExternalTaskService tasks, TransactionTemplate transaction, List<FileStep<?>> steps,
                StepRetries retries, PlacementLifecycle lifecycle, MeterRegistry meters, FileStepArrivals arrivals,
                @Value("${platen.workers.threads:0}") int threads,
                @Value("${platen.workers.lock:PT1M}") Duration lock,
                @Value("${platen.workers.enabled:${camunda.bpm.job-execution.enabled:true}}") boolean enabled,
                @Value("${platen.node.name:${HOSTNAME:}}") String node) {
        this.tasks = tasks;
        this.transaction = transaction;
        steps.forEach(step -> this.steps.put(step.topic(), step));
        this.retries = retries;
        this.lifecycle = lifecycle;
        this.meters = meters;
        this.arrivals = arrivals;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors() + 1;
        this.lock = lock;
        this.enabled = enabled;
        // as the job executor's lock owner (ClusterNode): the node's name for the operator, a random part so that
        // two nodes named alike by mistake never take each other's locks for their own
        this.owner = (node == null || node.isBlank() ? "platen" : node.strip()) + "/" + UUID.randomUUID();
        if (lock.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("platen.workers.lock must be at least 3 s, not " + lock);
        }
    }

    @Override
    public void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "file-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= threads; i++) {
            String worker = owner + "/" + i;
            workers.execute(() -> workUntilStopped(worker));
        }
        log.info("{} file workers started ({}), locks of {} renewed while a step runs", threads, owner, lock);
    }

    @Override
    public void stop() {
        ExecutorService pool = workers;
        if (!running || pool == null) {
            return;
        }
        running = false;
        arrivals.signal();
        pool.shutdown();
        try {
            // A step under way finishes if it can; one that cannot is left to its lock, which runs out and lets
            // another worker (here after a restart, or another node) take the step from the start.
            if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        heartbeats.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void workUntilStopped(String worker) {
        Duration idle = SHORTEST_IDLE;
        while (running) {
            long mark = arrivals.mark();
            boolean worked;
            try {
                worked = workNext(worker, null).isPresent();
            } catch (RuntimeException e) {
                // the database away for a moment, say: the worker stays and tries again
                log.warn("file worker {} could not fetch a task: {}", worker, e.toString());
                worked = false;
            }
            if (worked) {
                idle = SHORTEST_IDLE;
                continue;
            }
            try {
                arrivals.await(mark, idle);
            } catch (InterruptedException e) {
                return;
            }
            idle = idle.multipliedBy(2).compareTo(LONGEST_IDLE) > 0 ? LONGEST_IDLE : idle.multipliedBy(2);
        }
    }

    /**
     * Fetches one waiting file step (of the order with that business key, when given), works it, records it and
     * completes it. Answers the BPMN activity of the step it worked, if there was one. Process tests with the
     * workers off call it themselves.
     */
    Optional<String> workNext(String worker, @Nullable String businessKey) {
        ExternalTaskQueryTopicBuilder fetch = null;
        for (String topic : steps.keySet()) {
            fetch = (fetch == null
                    ? tasks.fetchAndLock().workerId(worker).maxTasks(1).usePriority(true).orderByCreateTime().asc()
                    .subscribe()
                    : fetch).topic(topic, lock.toMillis()).variables(PlacementVariables.PLACEMENT_ID);
            if (businessKey != null) {
                fetch = fetch.businessKey(businessKey);
            }
        }
        List<LockedExternalTask> locked = fetch == null ? List.of() : fetch.execute();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        LockedExternalTask task = locked.get(0);
        FileStep<?> step = steps.get(task.getTopicName());
        if (step == null) {
            throw new IllegalStateException("a task of topic " + task.getTopicName() + ", which no step took up");
        }
        work(task, worker, step);
        return Optional.of(task.getActivityId());
    }

    private <R> void work(LockedExternalTask task, String worker, FileStep<R> step) {
        Timer.Sample took = Timer.start(meters);
        String placementId = String.valueOf(task.getVariables().get(PlacementVariables.PLACEMENT_ID));
        Heartbeat alive = new Heartbeat(task, worker);
        R made;
        try {
            made = step.work(placementId);
        } catch (RuntimeException | Error e) {
            alive.stop();
            if (!running && enabled) {
                log.info("{} of placement {} stopped with the node; its lock runs out and it is taken again",
                        task.getActivityId(), placementId);
                return;
            }
            failed(task, worker, placementId, e);
            took.stop(timer(task, "failed"));
            return;
        }
        // No renewal may run beside the completion: each changes the task's row, and the second to commit would fail
        // on Camunda's optimistic lock (a finished render was once dropped so).
        alive.stop();
        try {
            complete(task, worker, step, made);
            took.stop(timer(task, "done"));
        } catch (BadUserRequestException | OptimisticLockingException gone) {
            // The task ended or changed hands while the work ran: new art from the shop interrupted the placement
            // (it starts again on the new file), or this node stalled past its lock and another worker took the
            // step. Nothing of this run is recorded; the files it stored are addressed by content and harmless.
            log.info("{} of placement {}: the task ended while it ran ({}); nothing recorded", task.getActivityId(),
                    placementId, gone.getMessage());
            took.stop(timer(task, "dropped"));
        } catch (RuntimeException e) {
            failed(task, worker, placementId, e);
            took.stop(timer(task, "failed"));
        }
    }

    /**
     * Records and completes, again if the completion lost a race on Camunda's optimistic lock while the task is still
     * this worker's: the placements of one order end their multi-instance together and update its counters, and one
     * of two completions at the same moment fails (a finished proof was once left to its lock, a minute, so).
     */
    private <R> void complete(LockedExternalTask task, String worker, FileStep<R> step, R made) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> tasks.complete(task.getId(), worker, step.record(made)));
                return;
            } catch (OptimisticLockingException race) {
                ExternalTask now = tasks.createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
                if (attempt >= COMPLETION_ATTEMPTS || now == null || !worker.equals(now.getWorkerId())) {
                    throw race;
                }
                log.debug("{} of task {} lost a race on the optimistic lock; completing again", worker, task.getId());
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(20, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw race;
                }
            }
        }
    }

    /**
     * Renews a step's lock every third of it while its work runs. Stopped before the step is completed or failed, and
     * waited for: a renewal committing beside the completion would make one of them fail on the optimistic lock.
     */
    private final class Heartbeat {
        private final LockedExternalTask task;
        private final String worker;
        private final ScheduledFuture<?> beats;
        private boolean stopped;

        Heartbeat(LockedExternalTask task, String worker) {
            this.task = task;
            this.worker = worker;
            long every = Math.max(1_000, lock.toMillis() / 3);
            this.beats = heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void beat() {
            if (stopped) {
                return;
            }
            try {
                tasks.extendLock(task.getId(), worker, lock.toMillis());
            } catch (RuntimeException e) {
                // gone (new art) or the database away for a moment; the work's end finds out which
                log.debug("lock of task {} not extended: {}", task.getId(), e.toString());
            }
        }

        /** Returns once no renewal runs and none will. */
        synchronized void stop() {
            stopped = true;
            beats.cancel(false);
        }
    }

    private void failed(LockedExternalTask task, String worker, String placementId, Throwable e) {
        int left = retries.leftAfterFailure(task.getRetries());
        Duration wait = retries.waitWith(left);
        String message = message(e);
        if (left > 0) {
            log.warn("{} of placement {} failed ({} attempts left, next in {}): {}", task.getActivityId(),
                    placementId, left, wait, message);
        } else {
            log.error("{} of placement {} failed for the last time: {}", task.getActivityId(), placementId,
                    message, e);
        }
        try {
            transaction.executeWithoutResult(status -> {
                tasks.handleFailure(task.getId(), worker, message, details(e), left, wait.toMillis());
                if (left == 0) {
                    // the incident tells the operator in Cockpit; the placement tells the shop reading the order
                    lifecycle.fail(placementId, "Processing failed: " + message);
                }
            });
        } catch (RuntimeException gone) {
            log.info("{} of placement {}: failure not recorded, the task ended meanwhile ({})",
                    task.getActivityId(), placementId, gone.getMessage());
        }
    }

    private static String message(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > MESSAGE_LENGTH ? message.substring(0, MESSAGE_LENGTH) : message;
    }

    private static String details(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private Timer timer(LockedExternalTask task, String outcome) {
        return Timer.builder("platen.step").description("Service tasks run on this node")
                .tag("step", task.getActivityId()).tag("outcome", outcome).register(meters);
    }
}
