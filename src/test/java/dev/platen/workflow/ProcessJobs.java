package dev.platen.workflow;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import java.util.List;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

/** For process tests with the job executor off: runs a process's jobs the way the engine would pick them up. */
final class ProcessJobs {

    private ProcessJobs() {
    }

    /** Runs the process's due jobs until none is left (bounded: a loop here would be a modelling error). */
    static void runJobsOf(ProcessInstance process) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = jobQuery().processInstanceId(process.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> execute(job));
        }
        throw new AssertionError("jobs still pending after 50 rounds");
    }
}
