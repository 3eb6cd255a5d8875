package dev.platen.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.platen.orders.PrintAtOption;
import dev.platen.orders.ResolvePlacement;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Fills an operator task's own variables when it is created. The tiers its placement can print at, as Camunda's
 * Tasklist form offers them: a JSON list of {@code {label, value}} that the form's "Print at" select reads (Camunda
 * Forms take a select's options from a JSON variable named by the field's {@code valuesKey}); each label carries the
 * DPI the art gives there and, below the tier's tested minimum, says so, and the decision check then wants the
 * form's confirmation box. And the placement's id, on the task itself, so that the review pages find a placement's
 * task in one query (in the process it lives in the placement's sub-process scope, which a task query cannot see).
 */
@Component("operatorTaskForm")
class OperatorTaskForm implements TaskListener {

    private final ResolvePlacement resolve;
    private final ObjectMapper json;

    OperatorTaskForm(ResolvePlacement resolve, ObjectMapper json) {
        this.resolve = resolve;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        String placementId = PlacementVariables.placementId(task);
        task.setVariableLocal(PlacementVariables.PLACEMENT_ID, placementId);
        List<PrintAtOption> options = resolve.printAtOptions(placementId);
        ArrayNode choices = json.createArrayNode();
        options.forEach(o -> choices.addObject().put("label", o.label()).put("value", o.id()));
        // Task-local: the list belongs to this task's form and goes with it, it is not part of the placement's state.
        task.setVariableLocal(PlacementVariables.TIER_CHOICES, SpinValues.jsonValue(choices.toString()).create());
        PrintAtOption.preselected(options).ifPresent(o -> task.setVariableLocal(PlacementVariables.FORM_TIER, o.id()));
    }
}
