package dev.platen.preflight;

import dev.platen.artwork.ArgbRows;
import dev.platen.preflight.QualityFinding.Severity;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ALPHA_FRINGE}: semi-transparent fringes, and light or dark haloes, around art with an alpha channel, on the
 * art's own pixels. On paper they print as a pale blend with the paper; on a coloured garment, as a faint ring of
 * underbase or a white halo left over from a cut-out made against a white background.
 *
 * <p>Metric: the share of the visible art (alpha > 0) made of fringe pixels, that is semi-transparent pixels
 * (0 < alpha < 255) with no fully opaque pixel among their eight neighbours. The neighbour rule spares the one-pixel
 * anti-aliasing of a clean cut-out, which a printer renders as a crisp edge, so a hard-edged logo scores near 0 however
 * thin its strokes; a feathered edge, a soft glow or a semi-transparent halo several pixels wide is mostly fringe.
 * The message also says how much of the fringe is near-white (luminance above 85%): that is the halo.
 *
 * <p>Art over 4 MP is sampled: every k-th row (with its two neighbours) is counted, an unbiased estimate of the share.
 *
 * <p>Defaults, from the tests' 400-pixel logo with a feather of n pixels plus a white halo as wide (n = 1: 1.6%,
 * 2: 5%, 3: 8.5%, 6: 18%; cut cleanly: 0): {@value #DEFAULT_WARNING} (2% of the visible art is soft fringe) is
 * just past a one-pixel feather and halo, where a ring starts to show on a dark shirt; {@value #DEFAULT_PROBLEM}
 * (10%) is a feather and halo of three or four pixels or more, which print as a visible band. Art without an alpha channel is not measured.
 *
 * <p>Haloes with hard alpha. Art cut out of a white background keeps the white it was blended with along its edge,
 * fully opaque: the soft-fringe metric cannot see it (0 on the labelled set's halo logo). {@link Halo} measures the
 * share of the outline whose edge pixel fades towards white (or black) from the art's own colour; the check reports
 * whichever of the two findings is more severe, the halo on a tie. Halo defaults: the labelled set's halo logo reads
 * 1.00 (every outline pixel: a luminance ramp from about 244 at the
 * edge to the fill's 69 over about 25 px), its clean, neon and lost logos 0;
 * the tests' cut-outs from white or black with a blur of 3 px read above 0.9, a one-pixel matte above 0.5, clean
 * and anti-aliased cut-outs and a 6 px flat white keyline below 0.02. A halo is a property of the whole outline, so
 * the limits are shares of it: {@value #DEFAULT_HALO_WARNING} (a quarter of the outline: a photo cut-out whose edge
 * happens to be lighter than its inside here and there stays below) and {@value #DEFAULT_HALO_PROBLEM} (most of the
 * outline: a ring that shows all round).
 */
final class AlphaFringeCheck {

    static final String CODE = "ALPHA_FRINGE";
    static final double DEFAULT_WARNING = 0.02;
    static final double DEFAULT_PROBLEM = 0.10;
    static final String UNIT = "share of visible art";

    private static final long MAX_SAMPLED_PIXELS = 4_000_000L;
    private static final float LIGHT = 0.85f * 255f;

    static final double DEFAULT_HALO_WARNING = 0.25;
    static final double DEFAULT_HALO_PROBLEM = 0.50;
    static final String HALO_UNIT = "share of the outline";

    private final Levels levels;
    private final Levels halo;

    AlphaFringeCheck(double warningAt, double problemAt, double haloWarningAt, double haloProblemAt) {
        this.levels = Levels.higherIsWorse(warningAt, problemAt);
        this.halo = Levels.higherIsWorse(haloWarningAt, haloProblemAt);
    }

    AlphaFringeCheck() {
        this(DEFAULT_WARNING, DEFAULT_PROBLEM, DEFAULT_HALO_WARNING, DEFAULT_HALO_PROBLEM);
    }

    /**
     * @param fringeShare fringe pixels over visible pixels; NaN when there is nothing to measure
     * @param lightShare  of the fringe pixels, the share that is near-white
     * @param haloShare   of the outline's pixels, the share with a halo ({@link Halo}); NaN without an outline
     * @param lightHalo   whether most of the halo is lighter than the art (else darker)
     */
    record Measurement(double fringeShare, double lightShare, double haloShare, boolean lightHalo) {
    }

    static Measurement measure(BufferedImage art) {
        if (!art.getColorModel().hasAlpha()) {
            return new Measurement(Double.NaN, 0, Double.NaN, true);
        }
        Halo.Measurement halo = Halo.measure(art);
        int w = art.getWidth();
        int h = art.getHeight();
        long step = Math.max(1, ((long) w * h + MAX_SAMPLED_PIXELS - 1) / MAX_SAMPLED_PIXELS);
        int[] above = new int[w];
        int[] row = new int[w];
        int[] below = new int[w];
        long visible = 0;
        long fringe = 0;
        long light = 0;
        ArgbRows rows = ArgbRows.of(art);
        for (long ly = 0; ly < h; ly += step) {
            int y = (int) ly;
            rows.read(y, row);
            boolean hasAbove = y > 0;
            boolean hasBelow = y < h - 1;
            if (hasAbove) {
                rows.read(y - 1, above);
            }
            if (hasBelow) {
                rows.read(y + 1, below);
            }
            for (int x = 0; x < w; x++) {
                int alpha = Luma.alpha(row[x]);
                if (alpha == 0) {
                    continue;
                }
                visible++;
                if (alpha == 255 || nextToOpaque(row, x, w) || (hasAbove && nextToOpaque(above, x, w))
                        || (hasBelow && nextToOpaque(below, x, w))) {
                    continue;
                }
                fringe++;
                if (Luma.of(row[x]) >= LIGHT) {
                    light++;
                }
            }
        }
        if (visible == 0) {
            return new Measurement(Double.NaN, 0, Double.NaN, true);
        }
        return new Measurement((double) fringe / visible, fringe == 0 ? 0 : (double) light / fringe,
                halo.share(), halo.light());
    }

    /** Whether the pixel at x or either side of it in this row is fully opaque. */
    private static boolean nextToOpaque(int[] row, int x, int w) {
        return Luma.alpha(row[x]) == 255 || (x > 0 && Luma.alpha(row[x - 1]) == 255)
                || (x < w - 1 && Luma.alpha(row[x + 1]) == 255);
    }

    /** The halo or the soft fringe, whichever is worse (the halo on a tie: it is the more visible on a garment). */
    Optional<QualityFinding> check(BufferedImage art) {
        Measurement m = measure(art);
        Optional<QualityFinding> ring = halo.severityOf(m.haloShare()).map(severity -> new QualityFinding(CODE,
                severity, m.haloShare(), halo.limitFor(severity), HALO_UNIT, String.format(Locale.ROOT,
                "A %s halo rings %.0f%% of the art's outline: the edge fades to %s, as art cut out of a %s "
                        + "background does; it prints as a %s outline on the garment or paper.",
                m.lightHalo() ? "light" : "dark", 100 * m.haloShare(), m.lightHalo() ? "white" : "black",
                m.lightHalo() ? "white" : "black", m.lightHalo() ? "pale" : "dark")));
        Optional<QualityFinding> soft = fringe(m);
        if (ring.isEmpty()) {
            return soft;
        }
        return soft.isPresent() && soft.get().severity().compareTo(ring.get().severity()) > 0 ? soft : ring;
    }

    private Optional<QualityFinding> fringe(Measurement m) {
        return levels.severityOf(m.fringeShare()).map(severity -> new QualityFinding(CODE, severity,
                m.fringeShare(), levels.limitFor(severity), UNIT, String.format(Locale.ROOT,
                        "%.1f%% of the visible art is a semi-transparent fringe (%.0f%% of it near-white, a halo)"
                                + "; it prints as a %s ring around the art.",
                        100 * m.fringeShare(), 100 * m.lightShare(),
                        severity == Severity.PROBLEM ? "visible" : "faint")));
    }
}
