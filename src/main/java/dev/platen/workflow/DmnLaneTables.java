package dev.platen.workflow;

import dev.platen.routing.LaneTable;
import dev.platen.routing.ProofLane;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lane tables read by Camunda's DMN engine, one per rule set: each rule set brings its own {@code proof-lane.dmn},
 * so the table is parsed from the rule set's bytes rather than taken from the process engine's deployment (which
 * holds one table for all). A standalone DMN engine evaluates it the same way a business rule task would (FEEL
 * and JUEL as configured by default), without a database round trip.
 */
@Component
class DmnLaneTables implements LaneTable.Reader {

    /** The decision's id in the table: the one a rule set's table must have. */
    static final String DECISION_KEY = "proof-lane";
    /** The table's output that names the lane. */
    static final String LANE = "lane";

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Override
    public LaneTable read(byte[] dmnXml) {
        DmnModelInstance model;
        DmnDecision decision;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(dmnXml));
            decision = engine.parseDecision(DECISION_KEY, model);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the lane table has no decision '" + DECISION_KEY
                    + "' this engine can read: " + e.getMessage(), e);
        }
        refuseUnknownLanes(model);
        return facts -> {
            DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, facts.decisionInputs())
                    .getSingleResult();
            return result == null ? ProofLane.of(null, "NO_RULE_MATCHED")
                    : ProofLane.of(result.getEntry(LANE), result.getEntry("laneReason"));
        };
    }

    /**
     * A rule whose lane is a string the engine has no lane for ({@code "FAST_TRACK"}, a typo of {@code "REVIEW"}) is
     * refused with the table, naming the rule: read when placements are decided, it would send each of them to review
     * under {@code UNKNOWN_LANE_...}. A lane the rule computes (an expression) can only be read then, and is.
     */
    private static void refuseUnknownLanes(DmnModelInstance model) {
        Decision decision = model.getModelElementById(DECISION_KEY);
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            return; // the engine parsed it as one: nothing else reaches here
        }
        List<Output> outputs = List.copyOf(table.getOutputs());
        int lane = outputs.indexOf(outputs.stream().filter(o -> LANE.equals(o.getName())).findFirst().orElseThrow(
                () -> new IllegalArgumentException("the lane table has no output named '" + LANE + "'")));
        for (Rule rule : table.getRules()) {
            String entry = List.copyOf(rule.getOutputEntries()).get(lane).getText().getTextContent().trim();
            boolean literal = entry.length() >= 2 && entry.startsWith("\"") && entry.endsWith("\"");
            if (literal && ProofLane.Lane.named(entry.substring(1, entry.length() - 1)).isEmpty()) {
                throw new IllegalArgumentException("rule '" + rule.getId() + "' gives the lane " + entry + "; a lane is "
                        + Arrays.stream(ProofLane.Lane.values()).map(l -> "\"" + l + "\"")
                        .collect(Collectors.joining(" or ")));
            }
        }
    }
}
