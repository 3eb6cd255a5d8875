package dev.platen.routing;

/**
 * A proof-lane decision table, parsed: the lane and reason for a placement's facts. Each rule set has its own (its
 * {@code workflows/proof-lane.dmn}), so the same facts can be decided by the live table and by a candidate's.
 */
@FunctionalInterface
public interface LaneTable {

    ProofLane decide(ProofLaneFacts facts);

    /** Reads a table from its DMN XML. */
    @FunctionalInterface
    interface Reader {

        /**
         * @throws IllegalArgumentException naming what is wrong, when the bytes are not a lane table this engine can
         *                                  evaluate
         */
        LaneTable read(byte[] dmnXml);
    }
}
