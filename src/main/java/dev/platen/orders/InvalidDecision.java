package dev.platen.orders;

/** An operator's decision that cannot be applied (an unknown tier, a rejection without a reason). */
public class InvalidDecision extends RuntimeException {

    public InvalidDecision(String message) {
        super(message);
    }
}
