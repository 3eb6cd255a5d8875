package dev.platen.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The shared queue, as every node sees it in the database: {@code platen.jobs.due} (jobs due and file steps waiting
 * or being worked: the work backlog of the whole cluster), {@code platen.jobs.failed} (jobs and file steps out of
 * retries, each an incident) and {@code platen.review.open} (placements waiting for an operator). Each is one or two
 * count queries when read.
 */
@Component
class EngineGauges implements MeterBinder {

    private final ManagementService management;
    private final TaskService tasks;
    private final ExternalTaskService steps;

    EngineGauges(ManagementService management, TaskService tasks, ExternalTaskService steps) {
        this.management = management;
        this.tasks = tasks;
        this.steps = steps;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("platen.jobs.due", management, m -> m.createJobQuery().executable().count()
                        + steps.createExternalTaskQuery().withRetriesLeft().count())
                .description("Jobs due and file steps, waiting for or running on any node").register(registry);
        Gauge.builder("platen.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count()
                        + steps.createExternalTaskQuery().noRetriesLeft().count())
                .description("Jobs and file steps out of retries (incidents)").register(registry);
        Gauge.builder("platen.review.open", tasks, t -> t.createTaskQuery().active().count())
                .description("Operator tasks open").register(registry);
    }
}
