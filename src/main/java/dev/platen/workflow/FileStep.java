package dev.platen.workflow;

import java.util.Map;

/**
 * A placement step that works on files (Inspect artwork, Render print files, Soft proof): a Camunda external task
 * of its own topic, worked by this node's {@link FileWorkers}. Its work runs outside any transaction and holds no
 * database connection while it decodes and writes; what it found is recorded in the transaction that completes the
 * task, so a step whose task is gone meanwhile (new art from the shop, another node took over) leaves nothing
 * recorded.
 *
 * @param <R> what the work made, passed from {@link #work} to {@link #record}
 */
interface FileStep<R> {

    /** The BPMN activity's {@code camunda:topic}. */
    String topic();

    /** The step's work on one placement: loads, works the files, stores them; records nothing. */
    R work(String placementId);

    /**
     * Records what the work made; runs in the transaction that completes the task. Answers variables for the
     * placement, each declared by "Prepare placement"'s input parameters so that it lands in that placement's
     * instance: parallel placements must not see each other's (the task runs in an execution of its own, so a
     * local variable would end with it).
     */
    Map<String, Object> record(R made);
}
