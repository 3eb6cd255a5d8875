package dev.platen.workflow;

import dev.platen.routing.LaneTable;
import dev.platen.routing.ProofLane;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;

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

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Override
    public LaneTable read(byte[] dmnXml) {
        DmnDecision decision;
        try {
            decision = engine.parseDecision(DECISION_KEY, new ByteArrayInputStream(dmnXml));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the lane table has no decision '" + DECISION_KEY
                    + "' this engine can read: " + e.getMessage(), e);
        }
        return facts -> {
            DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, facts.decisionInputs())
                    .getSingleResult();
            return result == null ? ProofLane.of(null, "NO_RULE_MATCHED")
                    : ProofLane.of(result.getEntry("lane"), result.getEntry("laneReason"));
        };
    }
}
