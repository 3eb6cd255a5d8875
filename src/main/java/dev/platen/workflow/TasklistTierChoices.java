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
 * Gives an operator task the tiers its placement can print at, as Camunda's Tasklist form offers them: a JSON list of
 * {@code {label, value}} that the form's "Print at" select reads (Camunda Forms take a select's options from a JSON
 * variable named by the field's {@code valuesKey}). Each label carries the DPI the art gives there and, below the
 * tier's tested minimum, says so: the form's confirmation box is then required by the decision check.
 */
@Component("tasklistTierChoices")
class TasklistTierChoices implements TaskListener {

    private final ResolvePlacement resolve;
    private final ObjectMapper json;

    TasklistTierChoices(ResolvePlacement resolve, ObjectMapper json) {
        this.resolve = resolve;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        List<PrintAtOption> options = resolve.printAtOptions(PlacementVariables.placementId(task));
        ArrayNode choices = json.createArrayNode();
        options.forEach(o -> choices.addObject().put("label", o.label()).put("value", o.id()));
        // Task-local: the list belongs to this task's form and goes with it, it is not part of the placement's state.
        task.setVariableLocal(PlacementVariables.TIER_CHOICES, SpinValues.jsonValue(choices.toString()).create());
        options.stream().filter(PrintAtOption::chosen).findFirst()
                .or(() -> options.stream().filter(PrintAtOption::reachesMinimum).findFirst())
                .ifPresent(o -> task.setVariableLocal(PlacementVariables.FORM_TIER, o.id()));
    }
}
