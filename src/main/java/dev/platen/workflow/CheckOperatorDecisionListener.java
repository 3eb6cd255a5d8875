package dev.platen.workflow;

import dev.platen.orders.InvalidDecision;
import dev.platen.orders.OperatorDecision;
import dev.platen.orders.ResolvePlacement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * On completing "Resolve placement" or "Review proof": refuses a decision that cannot be applied while the operator is still
 * on the form (the completion rolls back and Tasklist shows the message), and moves the submitted values
 * into the placement's own scope, so that two operators finishing two placements of one order at once do
 * not read each other's answers.
 */
@Component("checkOperatorDecision")
class CheckOperatorDecisionListener implements TaskListener {

    private final ResolvePlacement resolve;

    CheckOperatorDecisionListener(ResolvePlacement resolve) {
        this.resolve = resolve;
    }

    @Override
    public void notify(DelegateTask task) {
        String placementId = PlacementVariables.placementId(task);
        OperatorDecision decision = new OperatorDecision(kind(task.getVariable(PlacementVariables.FORM_DECISION)),
                text(task.getVariable(PlacementVariables.FORM_TIER)), text(task.getVariable(PlacementVariables.FORM_NOTE)),
                operator(task), text(task.getVariable(PlacementVariables.FORM_PROOF)),
                yes(task.getVariable(PlacementVariables.FORM_BELOW_MINIMUM)));
        try {
            resolve.check(placementId, decision);
        } catch (InvalidDecision e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
        DelegateExecution scope = placementScope(task.getExecution());
        scope.setVariableLocal(PlacementVariables.OPERATOR_DECISION, decision.kind().name());
        scope.setVariableLocal(PlacementVariables.OPERATOR_TIER, decision.tier());
        scope.setVariableLocal(PlacementVariables.OPERATOR_NOTE, decision.note());
        scope.setVariableLocal(PlacementVariables.OPERATOR, decision.operator());
        scope.setVariableLocal(PlacementVariables.OPERATOR_PROOF, decision.proofSha256());
        scope.setVariableLocal(PlacementVariables.OPERATOR_BELOW_MINIMUM, decision.belowMinimumConfirmed());
        scope.removeVariable(PlacementVariables.FORM_DECISION);
        scope.removeVariable(PlacementVariables.FORM_TIER);
        scope.removeVariable(PlacementVariables.FORM_NOTE);
        scope.removeVariable(PlacementVariables.FORM_PROOF);
        scope.removeVariable(PlacementVariables.FORM_BELOW_MINIMUM);
    }

    /**
     * The placement's own sub-process scope, where placementId lives. The task's execution is that scope only
     * while the task is not a scope itself; a boundary event (the overdue timer) gives the task its own child
     * execution, which ends with the task and would take the decision with it.
     */
    private static DelegateExecution placementScope(DelegateExecution execution) {
        ExecutionEntity scope = (ExecutionEntity) execution;
        while (scope != null && !scope.hasVariableLocal(PlacementVariables.PLACEMENT_ID)) {
            scope = scope.getParent();
        }
        if (scope == null) {
            throw new IllegalStateException("no placement scope above execution " + execution.getId());
        }
        return scope;
    }

    private static OperatorDecision.Kind kind(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OperatorDecision.Kind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Decision must be one of "
                    + java.util.Arrays.toString(OperatorDecision.Kind.values()) + ", not '" + text + "'.");
        }
    }

    private static String operator(DelegateTask task) {
        Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "unknown operator";
    }

    /** A checkbox as Tasklist sends it (a Boolean) or as a REST client may (the text "true"). */
    private static boolean yes(Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
