package dev.platen.orders;

/** An operator's decision that cannot be applied (an unknown tier, a rejection without a reason). */
public class InvalidDecision extends RuntimeException {

    /** A form sent without a decision in it. */
    public static final String NONE_CHOSEN = "Approve, choose a tier, reject, or ask for new art.";

    public InvalidDecision(String message) {
        super(message);
    }
}
