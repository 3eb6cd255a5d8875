package dev.platen.intake;

/**
 * New art for a placement: {@code {"artwork":"<id of an uploaded artwork>"}}.
 */
record ArtworkReplacement(String artwork) {
}
