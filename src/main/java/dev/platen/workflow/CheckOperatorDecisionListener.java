package dev.platen.workflow;

import dev.platen.orders.InvalidDecision;
import dev.platen.orders.OperatorDecision;
import dev.platen.orders.ResolvePlacement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.jspecify.annotations.Nullable;
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
        OperatorDecision.Kind kind = kind(task.getVariable(PlacementVariables.FORM_DECISION));
        if (kind == null) {
            throw new ProcessEngineException(InvalidDecision.NONE_CHOSEN);
        }
        OperatorDecision decision = new OperatorDecision(kind,
                text(task.getVariable(PlacementVariables.FORM_TIER)), text(task.getVariable(PlacementVariables.FORM_NOTE)),
                operator(task), text(task.getVariable(PlacementVariables.FORM_PROOF)),
                yes(task.getVariable(PlacementVariables.FORM_BELOW_MINIMUM)));
        try {
            resolve.check(placementId, decision);
        } catch (InvalidDecision e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
        // setVariable climbs to the scope that declares the variable: the placement's instance of "Prepare
        // placement" (its input parameters), past the task's own execution, which ends with the task
        DelegateExecution execution = task.getExecution();
        execution.setVariable(PlacementVariables.OPERATOR_DECISION, decision.kind().name());
        execution.setVariable(PlacementVariables.OPERATOR_TIER, decision.tier());
        execution.setVariable(PlacementVariables.OPERATOR_NOTE, decision.note());
        execution.setVariable(PlacementVariables.OPERATOR, decision.operator());
        execution.setVariable(PlacementVariables.OPERATOR_PROOF, decision.proofSha256());
        execution.setVariable(PlacementVariables.OPERATOR_BELOW_MINIMUM, decision.belowMinimumConfirmed());
        execution.removeVariable(PlacementVariables.FORM_DECISION);
        execution.removeVariable(PlacementVariables.FORM_TIER);
        execution.removeVariable(PlacementVariables.FORM_NOTE);
        execution.removeVariable(PlacementVariables.FORM_PROOF);
        execution.removeVariable(PlacementVariables.FORM_BELOW_MINIMUM);
    }

    private static OperatorDecision.@Nullable Kind kind(@Nullable Object value) {
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
    private static boolean yes(@Nullable Object value) {
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
