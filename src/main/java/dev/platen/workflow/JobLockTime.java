package dev.platen.workflow;

import dev.platen.delivery.DeliverySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Says at start when a job's lock can run out before the job does: another node (or this one) would then run the same
 * job again while the first run still works. The file steps are not jobs ({@link FileWorkers} renews their locks while
 * they run); the longest job left is a webhook delivery, bounded by its connect and answer timeouts, plus a margin
 * for its writes. A test setup may want short locks on purpose (the cluster test's dead node), so it is a warning,
 * not a refusal.
 */
@Component
class JobLockTime {

    private static final Logger log = LoggerFactory.getLogger(JobLockTime.class);
    /** Room for a job's reads and writes around its call out, on a busy database. */
    static final Duration MARGIN = Duration.ofSeconds(15);

    private final Duration lock;
    private final Duration longestJob;

    /** @param lockMillis as the Camunda starter reads it; 300000 is the engine's own default */
    @Autowired
    JobLockTime(@Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long lockMillis,
                DeliverySettings delivery) {
        this(Duration.ofMillis(lockMillis), delivery.webhookConnectTimeout().plus(delivery.webhookTimeout()));
    }

    JobLockTime(Duration lock, Duration longestCall) {
        this.lock = lock;
        this.longestJob = longestCall.plus(MARGIN);
    }

    /** Whether a lock outlasts the longest job. */
    boolean outlastsJobs() {
        return lock.compareTo(longestJob) > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenShort() {
        if (!outlastsJobs()) {
            log.warn("Job locks last {} (camunda.bpm.job-execution.lock-time-in-millis, PLATEN_JOB_LOCK_MILLIS), no"
                    + " longer than a webhook delivery may take with its writes ({}): one could be sent twice", lock,
                    longestJob);
        }
    }
}
