package dev.platen.preflight;

/**
 * The part of the art that holds content, in the art's own pixels (origin top left): cropping to it removes the
 * empty border so the content can print larger.
 */
public record TrimSuggestion(int x, int y, int width, int height) {

    public TrimSuggestion {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("not a trim box: " + x + "," + y + " " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + " x " + height + " px at (" + x + ", " + y + ")";
    }
}
