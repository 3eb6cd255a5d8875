package dev.platen.workflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Says at start when a job's lock can run out before its step's time limit: another node (or this one) would then
 * start the same step again while the first run still works. A test setup may want short locks on purpose (the
 * cluster test's dead node), so it is a warning, not a refusal.
 */
@Component
class JobLockTime {

    private static final Logger log = LoggerFactory.getLogger(JobLockTime.class);

    private final Duration lock;
    private final Duration stepLimit;

    /** @param lockMillis as the Camunda starter reads it; 300000 is the engine's own default */
    JobLockTime(@Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockMillis,
                @Value("${platen.orders.step-time-limit:PT5M}") Duration stepLimit) {
        this.lock = Duration.ofMillis(lockMillis);
        this.stepLimit = stepLimit;
    }

    /** Whether a lock outlasts the longest step. */
    boolean outlastsSteps() {
        return lock.compareTo(stepLimit) > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenShort() {
        if (!outlastsSteps()) {
            log.warn("Job locks last {} (camunda.bpm.job-execution.lock-time-in-millis, PLATEN_JOB_LOCK_MILLIS), no"
                    + " longer than a step may run ({}, platen.orders.step-time-limit): a slow step can be started"
                    + " twice", lock, stepLimit);
        }
    }
}
