package dev.platen.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes this node's {@link FileWorkers} when a file step's task is created here, once its transaction has
 * committed (before that, a fetch would not see it): a placement goes from one step to the next without waiting for
 * a worker's next poll. Tasks made on other nodes are found by polling.
 */
@Component
class FileStepArrivals extends AbstractProcessEnginePlugin {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private long arrivals;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ServiceTaskParse.onEach(configuration, (activity, fileStep) -> {
            if (fileStep) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, execution -> afterCommit());
            }
        });
    }

    private void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal();
                }
            });
        } else {
            signal();
        }
    }

    /** Wakes every waiting worker. */
    void signal() {
        lock.lock();
        try {
            arrivals++;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many tasks have arrived so far: taken before a fetch, so that one arriving during it is not missed. */
    long mark() {
        lock.lock();
        try {
            return arrivals;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a task has arrived on this node since {@code seen} or the time is up, whichever is first. */
    void await(long seen, Duration atMost) throws InterruptedException {
        lock.lock();
        try {
            long nanos = atMost.toNanos();
            while (arrivals == seen && nanos > 0) {
                nanos = arrived.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
