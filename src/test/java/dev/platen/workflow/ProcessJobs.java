package dev.platen.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Optional;

/**
 * For process tests with the job executor and the file workers off: runs a process's due jobs and its waiting file
 * steps (external tasks, through the node's real {@link FileWorkers}) the way the engine would pick them up.
 */
public final class ProcessJobs {

    private final ProcessEngine engine;
    private final FileWorkers workers;

    public ProcessJobs(ApplicationContext context) {
        this.engine = context.getBean(ProcessEngine.class);
        this.workers = context.getBean(FileWorkers.class);
    }

    /** Runs the process's due jobs and file steps until none is left (bounded: a loop here would be a modelling error). */
    public void runJobsOf(ProcessInstance process) {
        for (int round = 0; round < 100; round++) {
            if (runNext(process).isEmpty()) {
                return;
            }
        }
        throw new AssertionError("jobs still pending after 100 steps");
    }

    /** Runs one due job, or else one waiting file step, of the process; answers the BPMN activity it ran. */
    public Optional<String> runNext(ProcessInstance process) {
        List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(process.getId())
                .executable().listPage(0, 1);
        if (!jobs.isEmpty()) {
            Job job = jobs.get(0);
            String activity = engine.getManagementService().createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
            engine.getManagementService().executeJob(job.getId());
            return Optional.of(activity);
        }
        return workers.workNext("process-test", process.getBusinessKey());
    }

    /**
     * Runs the process's file step now, whatever is left of its back-off (as if its wait were over); answers the
     * activity it ran, if one was waiting.
     */
    public Optional<String> runFileStepNow(ProcessInstance process) {
        fileStep(process).ifPresent(step -> engine.getExternalTaskService().unlock(step.getId()));
        return workers.workNext("process-test", process.getBusinessKey());
    }

    /** The process's file step, waiting, in its back-off or out of attempts, if there is one. */
    public Optional<ExternalTask> fileStep(ProcessInstance process) {
        return Optional.ofNullable(engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(process.getId()).singleResult());
    }
}
