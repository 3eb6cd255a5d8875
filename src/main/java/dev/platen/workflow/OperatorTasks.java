package dev.platen.workflow;

import dev.platen.orders.InvalidDecision;
import dev.platen.orders.OperatorDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's side of the process for code outside {@code workflow} (the review pages): find the waiting
 * "Resolve placement" or "Review proof" task of a placement and complete it with a decision, as the given operator, exactly as
 * Tasklist would. The same completion listener checks the decision.
 */
@Service
public class OperatorTasks {

    private static final String[] TASKS = {PlacementVariables.RESOLVE_TASK, PlacementVariables.REVIEW_TASK};

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    OperatorTasks(TaskService tasks, RuntimeService runtime, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    /**
     * The open operator tasks, most urgent first: escalated before others, then the earliest due. Two queries
     * whatever the queue's length: the tasks, then their placement ids (kept on each task by
     * {@link OperatorTaskForm}).
     */
    public java.util.List<WaitingTask> waitingTasks() {
        java.util.List<Task> open = tasks.createTaskQuery().taskDefinitionKeyIn(TASKS).orderByTaskPriority().desc()
                .orderByDueDate().asc().list();
        if (open.isEmpty()) {
            return java.util.List.of();
        }
        Map<String, String> placementOf = new HashMap<>();
        runtime.createVariableInstanceQuery().variableName(PlacementVariables.PLACEMENT_ID)
                .taskIdIn(open.stream().map(Task::getId).toArray(String[]::new)).disableCustomObjectDeserialization()
                .list().forEach(v -> placementOf.put(v.getTaskId(), (String) v.getValue()));
        java.util.List<WaitingTask> waiting = new java.util.ArrayList<>();
        for (Task t : open) {
            String placementId = placementOf.get(t.getId());
            if (placementId == null) {
                continue;
            }
            // the activity's own name: the task's carries the order and placement, which the queue has in columns
            waiting.add(new WaitingTask(placementId,
                    PlacementVariables.REVIEW_TASK.equals(t.getTaskDefinitionKey()) ? "Review proof" : "Resolve placement",
                    t.getDueDate() == null ? null : t.getDueDate().toInstant(), t.getPriority()));
        }
        return waiting;
    }

    /** What a placement waits for from an operator in the process. */
    public enum Waiting {
        /** No operator task is open for it. */
        NOTHING,
        /** "Resolve placement": a tier, a rejection or a request for new art. */
        RESOLVE,
        /** "Review proof": the same, or an approval of its proof. */
        REVIEW_PROOF
    }

    public Waiting waitingFor(String placementId) {
        return task(placementId).map(t -> PlacementVariables.REVIEW_TASK.equals(t.getTaskDefinitionKey())
                ? Waiting.REVIEW_PROOF : Waiting.RESOLVE).orElse(Waiting.NOTHING);
    }

    /**
     * Completes the placement's waiting task.
     *
     * @throws InvalidDecision when the decision cannot be applied, or nothing is waiting for it
     */
    public void decide(String placementId, OperatorDecision decision) {
        Task task = task(placementId).orElseThrow(() -> new InvalidDecision(
                "This placement is not waiting for an operator (any more)."));
        Map<String, Object> form = new HashMap<>();
        form.put(PlacementVariables.FORM_DECISION, decision.kind() == null ? null : decision.kind().name());
        form.put(PlacementVariables.FORM_TIER, decision.tier());
        form.put(PlacementVariables.FORM_NOTE, decision.note());
        form.put(PlacementVariables.FORM_PROOF, decision.proofSha256());
        form.put(PlacementVariables.FORM_BELOW_MINIMUM, decision.belowMinimumConfirmed());
        identity.setAuthenticatedUserId(decision.operator());
        try {
            tasks.complete(task.getId(), form);
        } catch (ProcessEngineException e) {
            // The completion listener refused it: the engine wraps our message; hand the operator the cause's.
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof InvalidDecision)) {
                cause = cause.getCause();
            }
            throw cause instanceof InvalidDecision invalid ? invalid
                    : new InvalidDecision(Objects.requireNonNullElse(e.getMessage(), "The engine refused the decision."));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** One query: each operator task carries its placement's id as a task variable ({@link OperatorTaskForm}). */
    private Optional<Task> task(String placementId) {
        return tasks.createTaskQuery().taskDefinitionKeyIn(TASKS)
                .taskVariableValueEquals(PlacementVariables.PLACEMENT_ID, placementId).list().stream().findFirst();
    }

    /**
     * Tasks opened before operator tasks carried their placement's id (an engine upgraded with tasks open) get it
     * once at start, so that the one-query lookups above find them. Harmless to run on every node of a cluster.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void tagTasksOpenedBefore() {
        String[] open = tasks.createTaskQuery().taskDefinitionKeyIn(TASKS).list().stream().map(Task::getId)
                .toArray(String[]::new);
        if (open.length == 0) {
            return;
        }
        java.util.Set<String> tagged = new java.util.HashSet<>();
        runtime.createVariableInstanceQuery().variableName(PlacementVariables.PLACEMENT_ID).taskIdIn(open).list()
                .forEach(v -> tagged.add(v.getTaskId()));
        for (String id : open) {
            Object placementId = tagged.contains(id) ? null : tasks.getVariable(id, PlacementVariables.PLACEMENT_ID);
            if (placementId != null) {
                tasks.setVariableLocal(id, PlacementVariables.PLACEMENT_ID, placementId);
            }
        }
    }
}
