package dev.platen.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The shared queue, as every node sees it in the database: {@code platen.jobs.due} (jobs due, waiting or
 * running: the work backlog of the whole cluster), {@code platen.jobs.failed} (jobs out of retries, each an incident)
 * and {@code platen.review.open} (placements waiting for an operator). Each is one count query when read.
 */
@Component
class EngineGauges implements MeterBinder {

    private final ManagementService management;
    private final TaskService tasks;

    EngineGauges(ManagementService management, TaskService tasks) {
        this.management = management;
        this.tasks = tasks;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("platen.jobs.due", management, m -> m.createJobQuery().executable().count())
                .description("Jobs due, waiting for or running on any node").register(registry);
        Gauge.builder("platen.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs out of retries (incidents)").register(registry);
        Gauge.builder("platen.review.open", tasks, t -> t.createTaskQuery().active().count())
                .description("Operator tasks open").register(registry);
    }
}
