package dev.platen.rules;

/** A candidate was taken out: its unsettled placements run again on the live rule set {@code live}. */
public record RuleSetRolledBack(int number, int live) {
}
