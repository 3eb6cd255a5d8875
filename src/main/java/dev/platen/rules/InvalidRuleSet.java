package dev.platen.rules;

/** An uploaded rule set that cannot be used, with what is wrong in words an admin can act on. */
class InvalidRuleSet extends IllegalArgumentException {

    InvalidRuleSet(String message) {
        super(message);
    }
}
