package dev.platen.rules;

/** A rule set number that was never registered. */
class UnknownRuleSet extends RuntimeException {

    UnknownRuleSet(int number) {
        super("no rule set " + number);
    }
}
