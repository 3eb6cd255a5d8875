package dev.platen.artwork;

/** The resolution written in the file (pixels per inch), as the file states it. */
public record Resolution(double x, double y) {
}
