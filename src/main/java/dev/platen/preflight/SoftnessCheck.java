package dev.platen.preflight;

import dev.platen.catalog.PrintArea;
import dev.platen.preflight.QualityFinding.Severity;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code SOFT_AT_PRINT_SIZE}: blurred art, or art without fine detail, judged at the size it prints.
 *
 * <p>Metric: the variance (mean square) of the 4-neighbour Laplacian of the luminance of the {@link WorkingCopy},
 * divided by the mean squared gradient (forward differences) of the same pixels. The Laplacian alone grows with
 * contrast and with how much of the picture is edges; dividing by the gradient energy cancels both, leaving how
 * steep the edges are: for art blurred by a Gaussian of {@code sigma} working pixels the ratio falls about as
 * {@code 1 / sigma^2} (measured in the tests: 0.68 at sigma 1, 0.25 at 2, 0.13 at 3). Both sums are energy-weighted, so the strongest edges decide: a portrait with a sharp face
 * and a deliberately blurred background scores as sharp. Measured on this grid (working pixels), a crisp edge scores
 * about 1 to 2 and pixel noise about 5.
 *
 * <p>Defaults (from art blurred on purpose in the tests, and the 150 DPI working grid of 0.17 mm pixels): below
 * {@value #DEFAULT_WARNING} the edges are spread like a blur of sigma 1.7 working pixels (0.29 mm on paper), the
 * softness a customer notices on text and line art at arm's length; below {@value #DEFAULT_PROBLEM}, like sigma 2.6
 * (0.44 mm), mushy at any distance. A camera photo at its native resolution (demosaicing and lens: sigma about 1,
 * scoring about 0.7) passes, the more so as it is usually reduced on the way to 150 DPI. Art with no edges at all (a flat fill) has nothing to judge and is
 * not reported.
 *
 * <p>Upscaled art. The working copy hides upscaling whenever it reduces the art: a thumbnail enlarged 8 times
 * printed at 200 DPI is reduced to 150 DPI and its blur shrinks with it (the labelled set's upscaled copies score
 * 0.13 to 0.35 here: one of eight a PROBLEM, and the smooth illustration too flat at 150 DPI to judge). So the
 * check also measures the edge spread of the art's sharpest parts on its own pixels ({@link Upscaling}: 2 or less
 * for sharp edges, about the upscaling factor for an enlargement) and reports it when the spread leaves the print
 * less detail than the working resolution: print DPI / spread below {@link WorkingCopy#DEFAULT_DPI}. An upscale
 * printed small enough still carries all an eye resolves. The working-copy score does not separate the two kinds
 * (a shallow-focus macro photo scores 0.50 there, an enlarged wood-grain photo 0.71), so it is no gate.
 *
 * <p>Upscale defaults, from the labelled set ({@code LanesChecksRun}) and copies made the same way from 14 other
 * photos of the corpus (calibration only, nothing of them in the repository): real photos as supplied read 0.12 to
 * 2.67 (the highest a shallow-focus macro of a flower, 2.67, which the working copy also finds soft, and a meadow
 * photo, 2.22); their copies shrunk to 12 % and enlarged back read 3.26 to 5.99 (true factor 8.3: JPEG and rounding
 * noise and the triangle filter's own softness pull the estimate down); quality-6 copies 0.31 to 1.94. A PROBLEM
 * from {@value #DEFAULT_UPSCALE_PROBLEM}, about midway (geometrically) between the highest photo and the lowest
 * enlargement, some 10 % from each; a WARNING from {@value #DEFAULT_UPSCALE_WARNING}. Synthetic art (the tests):
 * sharp below 2.2, enlarged twofold below 2.9, eightfold 3.9. The finding with the higher severity is reported; on
 * a tie the working-copy blur, which says how it looks on paper.
 */
final class SoftnessCheck {

    static final String CODE = "SOFT_AT_PRINT_SIZE";
    static final double DEFAULT_WARNING = 0.35;
    static final double DEFAULT_PROBLEM = 0.15;
    static final String UNIT = "var(Laplacian)/mean(gradient^2) at working resolution";
    static final double DEFAULT_UPSCALE_WARNING = 2.6;
    static final double DEFAULT_UPSCALE_PROBLEM = 2.9;
    static final String UPSCALE_UNIT = "edge spread of the sharpest tenth, in art pixels (sharp: 2 or less)";

    /**
     * Mean squared gradient per pixel below which the art counts as flat: about one grey level (of 255) of change
     * between neighbours on average, i.e. encoding noise, not content.
     */
    private static final double FLAT = Math.pow(1.0 / 255.0, 2);

    private final Levels levels;
    private final Levels upscale;

    SoftnessCheck(double warningBelow, double problemBelow, double upscaleWarningAt, double upscaleProblemAt) {
        this.levels = Levels.lowerIsWorse(warningBelow, problemBelow);
        this.upscale = Levels.higherIsWorse(upscaleWarningAt, upscaleProblemAt);
    }

    SoftnessCheck() {
        this(DEFAULT_WARNING, DEFAULT_PROBLEM, DEFAULT_UPSCALE_WARNING, DEFAULT_UPSCALE_PROBLEM);
    }

    /**
     * The resolution of the art's detail on paper, at most: the DPI it prints at over its edge spread in its own
     * pixels ({@link Upscaling}, at least 1). The spread of an enlargement reads below its true factor (an 8.3x
     * enlargement reads 3.4 to 6), so this errs towards crediting the art with detail it does not have, never the
     * other way. NaN when the spread is.
     */
    static double detailDpi(double printDpi, double spread) {
        return printDpi / Math.max(1.0, spread);
    }

    /** The normalised Laplacian variance, or NaN when the art is too small or flat to judge. */
    static double measure(WorkingCopy copy) {
        int w = copy.width();
        int h = copy.height();
        if (w < 3 || h < 3) {
            return Double.NaN;
        }
        double laplacian = 0;
        double gradient = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                float c = copy.at(x, y);
                float right = copy.at(x + 1, y);
                float down = copy.at(x, y + 1);
                double lap = copy.at(x - 1, y) + right + copy.at(x, y - 1) + down - 4f * c;
                laplacian += lap * lap;
                double gx = right - c;
                double gy = down - c;
                gradient += gx * gx + gy * gy;
                n++;
            }
        }
        if (gradient / n < FLAT) {
            return Double.NaN;
        }
        return laplacian / gradient;
    }

    /** The blur seen at print size, or the missing detail of upscaled art, whichever is worse (blur on a tie). */
    Optional<QualityFinding> check(WorkingCopy copy, BufferedImage art, PrintArea area) {
        double sharpness = measure(copy);
        Optional<QualityFinding> blurred = levels.severityOf(sharpness).map(severity -> finding(severity, sharpness,
                copy));
        double spread = Upscaling.measure(art).spread();
        double printDpi = EffectiveDpi.ofRaster(art.getWidth(), art.getHeight(), area).value();
        // detail finer than the working resolution is not seen at print size (WorkingCopy): an upscale printed
        // small enough still carries all the detail an eye resolves
        Optional<QualityFinding> upscaled = detailDpi(printDpi, spread) >= copy.dpi() ? Optional.empty()
                : upscale.severityOf(spread).map(severity -> upscaledFinding(severity, spread, printDpi));
        if (upscaled.isEmpty()) {
            return blurred;
        }
        if (blurred.isEmpty() || upscaled.get().severity().compareTo(blurred.get().severity()) > 0) {
            return upscaled;
        }
        return blurred;
    }

    Optional<QualityFinding> check(WorkingCopy copy) {
        double measured = measure(copy);
        return levels.severityOf(measured).map(severity -> finding(severity, measured, copy));
    }

    private QualityFinding upscaledFinding(Severity severity, double spread, double printDpi) {
        String message = String.format(Locale.ROOT, "The art looks enlarged from a smaller picture: even in its "
                        + "sharpest parts its edges are spread over about %.1f of its pixels (a sharp picture: 2 or "
                        + "less; %s from %.1f), so at %.0f DPI it carries detail of at most about %.0f DPI and prints "
                        + "%s.", spread,
                severity == Severity.PROBLEM ? "problem" : "warning", upscale.limitFor(severity), printDpi,
                detailDpi(printDpi, spread), severity == Severity.PROBLEM ? "blurred" : "soft");
        return new QualityFinding(CODE, severity, spread, upscale.limitFor(severity), UPSCALE_UNIT, message);
    }

    private QualityFinding finding(Severity severity, double measured, WorkingCopy copy) {
        // about 1 / sigma^2 inverted: the Gaussian blur that would give this score, from working pixels to paper
        double sigmaMm = Math.sqrt(1.0 / measured) * 25.4 / copy.dpi();
        String message = String.format(Locale.ROOT, "The art looks %s at print size: edges are spread over about "
                        + "%.2f mm on paper (sharpness %.3f, %s below %.3f).",
                severity == Severity.PROBLEM ? "blurred" : "soft", sigmaMm, measured,
                severity == Severity.PROBLEM ? "problem" : "warning", levels.limitFor(severity));
        return new QualityFinding(CODE, severity, measured, levels.limitFor(severity), UNIT, message);
    }
}
