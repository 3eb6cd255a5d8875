package dev.platen.catalog;

/**
 * Where a tier's print area sits on the product: the anchor names the reference (for a garment the centre
 * line below the collar seam, for a poster the sheet's top-left corner), and {@code x}/{@code y} offset the
 * area's top edge centre (for {@code top-center}) or top-left corner (for {@code top-left}) from it, in inches.
 */
public record TierPosition(Anchor anchor, double xInches, double yInches) {

    public enum Anchor {
        TOP_CENTER, TOP_LEFT;

        public static Anchor parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "top-center", "top-centre" -> TOP_CENTER;
                case "top-left" -> TOP_LEFT;
                default -> throw new IllegalArgumentException("anchor must be top-center or top-left, not '" + text + "'");
            };
        }
    }
}
