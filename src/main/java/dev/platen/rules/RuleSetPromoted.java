package dev.platen.rules;

/** A candidate became the live rule set: its held canary placements may now print. */
public record RuleSetPromoted(int number) {
}
