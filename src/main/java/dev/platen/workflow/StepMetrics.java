package dev.platen.workflow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Timer {@code platen.step} (tag {@code step}: the BPMN service task's id, e.g. {@code ChooseTier}) for every
 * service task this node runs, successful or not (tag {@code outcome}). The file steps (external tasks, e.g.
 * {@code RenderPrintFiles}) are timed under the same name by {@link FileWorkers}, which runs them: their count per
 * minute is the node's placements per minute, their mean and maximum the render and proof times.
 *
 * <p>Attached by a parse listener rather than in the delegates, so every service task of every deployed
 * process is timed without touching the BPMN. A step runs start to end on one thread (the job's), so the start
 * time waits in a thread-local keyed by the activity instance; a step that throws has no end event and is
 * recorded as failed by the next start on that thread, or not at all.
 */
@Component
class StepMetrics extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Map<String, Running>> RUNNING = ThreadLocal.withInitial(HashMap::new);

    private record Running(String step, Timer.Sample sample) {
    }

    private final MeterRegistry registry;

    StepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ServiceTaskParse.onEach(configuration, (activity, fileStep) -> {
            if (fileStep) {
                return; // starts on one thread, ends on a worker's: FileWorkers times those
            }
            ExecutionListener start = execution -> started(execution.getActivityInstanceId(),
                    execution.getCurrentActivityId());
            ExecutionListener end = execution -> ended(execution.getActivityInstanceId());
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, start);
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, end);
        });
    }

    private void started(String activityInstance, String step) {
        Map<String, Running> running = RUNNING.get();
        // Anything still open on this thread threw and never ended: a failed step.
        running.values().forEach(r -> r.sample().stop(timer(r.step(), "failed")));
        running.clear();
        running.put(activityInstance, new Running(step, Timer.start(registry)));
    }

    private void ended(String activityInstance) {
        Running running = RUNNING.get().remove(activityInstance);
        if (running != null) {
            running.sample().stop(timer(running.step(), "done"));
        }
    }

    private Timer timer(String step, String outcome) {
        return Timer.builder("platen.step").description("Service tasks run on this node")
                .tag("step", step).tag("outcome", outcome).register(registry);
    }
}
