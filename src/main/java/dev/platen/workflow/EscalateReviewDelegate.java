package dev.platen.workflow;

import dev.platen.orders.PlacementLifecycle;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Escalate": the operator task is overdue. Its priority goes up so that Tasklist and the review queue put it
 * first, and the placement's history says so. The task stays open: escalation never decides for the operator.
 */
@Component("escalateReviewDelegate")
class EscalateReviewDelegate implements JavaDelegate {

    static final int ESCALATED_PRIORITY = 90;

    private final TaskService tasks;
    private final PlacementLifecycle lifecycle;

    EscalateReviewDelegate(TaskService tasks, PlacementLifecycle lifecycle) {
        this.tasks = tasks;
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(PlacementVariables.RESOLVE_TASK, PlacementVariables.REVIEW_TASK).list().stream()
                .filter(t -> execution.getVariable(PlacementVariables.PLACEMENT_ID)
                        .equals(tasks.getVariable(t.getId(), PlacementVariables.PLACEMENT_ID)))
                .forEach(t -> tasks.setPriority(t.getId(), ESCALATED_PRIORITY));
        lifecycle.recordEscalation(PlacementVariables.placementId(execution));
    }
}
