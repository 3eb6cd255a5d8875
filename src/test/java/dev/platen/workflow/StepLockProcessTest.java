package dev.platen.workflow;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file step that runs longer than its lock keeps it: the worker renews the lock while the work is alive, so no
 * other worker (on this node or another) takes the same step meanwhile, and the step completes once. With a lock of
 * 3 s ({@code platen.workers.lock}) and a step of 7 s, a lock that was not renewed would have run out twice. A node
 * that dies stops renewing, and its steps are free within the lock: the cluster test measures that.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:step-lock-process;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=platenStepLockProcess",
        "platen.storage.root=target/step-lock-test-objects",
        "platen.workers.lock=PT3S"
})
class StepLockProcessTest {

    static final String TOPIC = "slow-test-step";

    @Autowired
    ProcessEngine engine;
    @Autowired
    FileWorkers workers;
    @Autowired
    SlowStep slow;

    @TestConfiguration
    static class Steps {
        @Bean
        SlowStep slowStep() {
            return new SlowStep();
        }
    }

    /** A step that takes seven seconds once it has started, and records the placements it was asked to record. */
    static final class SlowStep implements FileStep<String> {
        final CountDownLatch started = new CountDownLatch(1);
        final List<String> recorded = new ArrayList<>();

        @Override
        public String topic() {
            return TOPIC;
        }

        @Override
        public String work(String placementId) {
            started.countDown();
            try {
                Thread.sleep(7_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return placementId;
        }

        @Override
        public Map<String, Object> record(String placementId) {
            recorded.add(placementId);
            return Map.of();
        }
    }

    @Test
    void aStepLongerThanItsLockKeepsItAndIsWorkedOnce() throws Exception {
        engine.getRepositoryService().createDeployment().addModelInstance("slow-step.bpmn",
                Bpmn.createExecutableProcess("slow-step").camundaHistoryTimeToLive(1).startEvent()
                        .serviceTask("Slow").camundaExternalTask(TOPIC).endEvent().done()).deploy();
        ProcessInstance process = engine.getRuntimeService().startProcessInstanceByKey("slow-step", "slow-order",
                Map.of(PlacementVariables.PLACEMENT_ID, "placement-1"));
        ExternalTaskService tasks = engine.getExternalTaskService();

        CompletableFuture<java.util.Optional<String>> working =
                CompletableFuture.supplyAsync(() -> workers.workNext("node-a/1", "slow-order"));
        assertThat(slow.started.await(10, TimeUnit.SECONDS)).isTrue();
        List<Date> locks = new ArrayList<>();
        for (int second = 0; second < 6; second++) {
            // another worker asks for the same topic every second: nothing to take while the step is alive
            assertThat(tasks.fetchAndLock(1, "node-b/1").topic(TOPIC, 3_000).execute()).as("second %d", second)
                    .isEmpty();
            ExternalTask task = tasks.createExternalTaskQuery().processInstanceId(process.getId()).singleResult();
            assertThat(task.getWorkerId()).isEqualTo("node-a/1");
            assertThat(task.getLockExpirationTime()).as("locked into the future at second %d", second)
                    .isAfter(new Date());
            locks.add(task.getLockExpirationTime());
            Thread.sleep(1_000);
        }

        assertThat(working.get(20, TimeUnit.SECONDS)).contains("Slow");
        assertThat(locks.get(locks.size() - 1)).as("renewed, not the first lock").isAfter(locks.get(0));
        assertThat(slow.recorded).containsExactly("placement-1");
        assertThat(engine.getHistoryService().createHistoricExternalTaskLogQuery().successLog()
                .processInstanceId(process.getId()).count()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(process.getId())
                .count()).as("the process went on").isZero();
    }
}
