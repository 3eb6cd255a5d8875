package dev.platen.preflight;

import dev.platen.artwork.Finding;
import dev.platen.artwork.PixelCoding;
import dev.platen.artwork.PixelSource;
import dev.platen.catalog.LayoutTier;
import org.jspecify.annotations.Nullable;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The quality checks for decoded art placed on a layout tier, in the order of a job ticket: is it sharp at print
 * size (and not an enlarged thumbnail), is it blocky from JPEG (only when it went through JPEG), does its
 * transparency leave fringes or haloes, does it carry empty border, does its shape fit the area. Each check reports
 * only when it crosses its threshold ({@link QualityThresholds}); a file cut short is a PROBLEM from
 * {@link #fromDecoding}, whatever its pixels score; the colour profile's findings come from {@link #fromColour},
 * since they are known from the file, not its pixels.
 *
 * <p>The art is given as {@link BufferedImage} whose {@code getRGB} samples are 8-bit sRGB-like values (grey and
 * CMYK art as {@code SourceColour.onScreen()} shows them: grey levels on R, G, B; CMYK through its profile). Cost is bounded whatever the upload: the softness check works on a copy of at most
 * 4 MP at 150 DPI (see {@link WorkingCopy}), the blocking and fringe checks sample at most about 4 MP of the
 * original pixels, and the margin scan reads the border plus a row per side.
 */
public final class QualityChecks {

    private final SoftnessCheck softness;
    private final BlockingCheck blocking;
    private final AlphaFringeCheck fringe;
    private final MarginCheck margins;
    private final AspectCheck aspect;
    private final ColourSourceCheck colour;

    QualityChecks(QualityThresholds t) {
        this.softness = new SoftnessCheck(t.softWarningBelow(), t.softProblemBelow(), t.upscaleWarningAt(),
                t.upscaleProblemAt());
        this.blocking = new BlockingCheck(t.blockingWarningAt(), t.blockingProblemAt());
        this.fringe = new AlphaFringeCheck(t.fringeWarningAt(), t.fringeProblemAt(), t.haloWarningAt(),
                t.haloProblemAt());
        this.margins = new MarginCheck(t.marginWarningAt(), t.marginProblemAt());
        this.aspect = new AspectCheck(t.aspectWarningAt(), t.aspectProblemAt());
        this.colour = new ColourSourceCheck(t.wideGamutInfoAt(), t.wideGamutWarningAt());
    }

    /** The pixel checks with the default thresholds. */
    public static List<QualityFinding> inspect(BufferedImage art, LayoutTier tier, PixelSource source) {
        return inspect(art, tier, source, QualityThresholds.DEFAULTS);
    }

    /**
     * The pixel checks, in job-ticket order; empty when the art passes them all.
     *
     * @param source where the pixels come from ({@link dev.platen.artwork.ArtworkPixels#source()}): JPEG blocking
     *               is looked for only in pixels that went through JPEG, since a grid of steps in lossless art is
     *               the design's own; upscaling only in pixels decoded as stored, since a rendered PDF page is
     *               resampled by Platen itself (its placed images' resolution is {@link EffectiveDpi}'s to judge)
     */
    public static List<QualityFinding> inspect(BufferedImage art, LayoutTier tier, PixelSource source,
                                               QualityThresholds thresholds) {
        Objects.requireNonNull(art, "art");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(source, "source");
        QualityChecks checks = new QualityChecks(thresholds);
        WorkingCopy copy = WorkingCopy.of(art, tier.printArea(), thresholds.workingDpi(),
                thresholds.workingMaxPixels());
        List<QualityFinding> findings = new ArrayList<>();
        (source.rendered() ? checks.softness.check(copy) : checks.softness.check(copy, art, tier.printArea()))
                .ifPresent(findings::add);
        if (source.coding() == PixelCoding.JPEG) {
            checks.blocking.check(art).ifPresent(findings::add);
        }
        checks.fringe.check(art).ifPresent(findings::add);
        checks.margins.check(art).ifPresent(findings::add);
        checks.aspect.check(art.getWidth(), art.getHeight(), tier.printArea()).ifPresent(findings::add);
        return List.copyOf(findings);
    }

    /**
     * TRUNCATED_IMAGE (PROBLEM) when decoding found the image data cut short ({@link Finding#TRUNCATED_IMAGE}):
     * the decoder filled in what is missing, so what would print is not the customer's picture, however it scores
     * on the pixel checks.
     */
    public static List<QualityFinding> fromDecoding(List<Finding> findings) {
        List<QualityFinding> quality = new ArrayList<>();
        findings.stream().filter(f -> Finding.TRUNCATED_IMAGE.equals(f.code())).limit(1)
                .map(f -> new QualityFinding(Finding.TRUNCATED_IMAGE, QualityFinding.Severity.PROBLEM, 1, 1,
                        "truncated image files", "The art file is cut short: part of the picture would print as "
                        + "the decoder's filler (grey or blurred blocks) instead of the customer's art; ask for the "
                        + "file again."))
                .forEach(quality::add);
        // FONT_NOT_EMBEDDED (PROBLEM): the press would set the text in a substitute font, other shapes and widths,
        // so an operator decides (usually: ask for the PDF with fonts embedded). Measured: fonts not embedded
        // against the 0 allowed.
        findings.stream().filter(f -> Finding.FONT_NOT_EMBEDDED.equals(f.code())).limit(1)
                .map(f -> new QualityFinding(Finding.FONT_NOT_EMBEDDED, QualityFinding.Severity.PROBLEM, 1, 0,
                        "PDFs with fonts not embedded", f.message()))
                .forEach(quality::add);
        return List.copyOf(quality);
    }

    /**
     * WIDE_GAMUT_SOURCE from the art's findings and profile description (null when none). Untagged colour is the
     * render step's finding ({@code UNTAGGED_RGB}), not repeated here.
     */
    public static List<QualityFinding> fromColour(List<Finding> findings, @Nullable String iccProfileDescription) {
        return fromColour(findings, iccProfileDescription, QualityThresholds.DEFAULTS);
    }

    public static List<QualityFinding> fromColour(List<Finding> findings, @Nullable String iccProfileDescription,
                                                  QualityThresholds thresholds) {
        return List.copyOf(new QualityChecks(thresholds).colour.map(findings, iccProfileDescription));
    }

    /**
     * The finding to put first in an operator's queue: the most severe, and among equals the one furthest past its
     * threshold ({@link QualityFinding#excess()}). Empty for an empty list.
     */
    public static Optional<QualityFinding> worst(List<QualityFinding> findings) {
        return findings.stream().max(Comparator.comparing(QualityFinding::severity)
                .thenComparingDouble(QualityFinding::excess));
    }
}
