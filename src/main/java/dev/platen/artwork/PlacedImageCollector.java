package dev.platen.artwork;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * Plays a page's content stream, with its graphics state, to find every raster image painted on it (image
 * XObjects, inline images, and both inside Form XObjects at any nesting) and the size each is painted at.
 * Paths, shadings and text are vector art and are skipped.
 */
final class PlacedImageCollector extends PDFGraphicsStreamEngine {

    /** Forms nest a few levels in real art; deeper nesting is a loop (a form drawing itself) or an attack. */
    static final int MAX_FORM_DEPTH = 32;
    /** Real pages run to a few hundred thousand operators; a form drawn from itself fans out without end. */
    static final long MAX_OPERATORS = 5_000_000;

    /**
     * Operators not played. Text: glyphs are vector art here, and playing them loads fonts and runs Type 3 glyph
     * procedures, which is where hostile PDFs hide cycles and out-of-range widths. Colour: it does not move
     * images, and setting it loads colour spaces and ICC profiles. (Overriding isShouldProcessColorOperators
     * instead would not do: PDFBox then skips every non-stencil image, as inside uncoloured Type 3 glyphs.)
     */
    private static final Set<String> SKIPPED = Set.of("Tf", "Tj", "TJ", "'", "\"", "d0", "d1",
            "CS", "cs", "SC", "sc", "SCN", "scn", "G", "g", "RG", "rg", "K", "k");

    /** An image as painted: the image itself (to decode it later) and where it landed. */
    record Placement(PDImage image, PlacedImage placed) {
    }

    private final double userUnit;
    private final List<Placement> placements = new ArrayList<>();
    private int formDepth;
    private long operators;
    private boolean nestingCut;

    private final ArtworkLimits limits;

    PlacedImageCollector(PDPage page, ArtworkLimits limits) {
        super(page);
        this.userUnit = page.getUserUnit();
        this.limits = limits;
    }

    List<Placement> collect() throws IOException {
        processPage(getPage());
        return List.copyOf(placements);
    }

    boolean nestingCut() {
        return nestingCut;
    }

    /**
     * The image's unit square is mapped to the page by the CTM: its placed width is the length of the transformed
     * x unit vector and its height that of the y unit vector, which holds for rotated and skewed placements too.
     */
    @Override
    public void drawImage(PDImage image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        double width = Math.hypot(ctm.getScaleX(), ctm.getShearY()) * userUnit;
        double height = Math.hypot(ctm.getShearX(), ctm.getScaleY()) * userUnit;
        placements.add(new Placement(image,
                new PlacedImage(image.getWidth(), image.getHeight(), width, height)));
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        if (enterForm()) {
            try {
                super.showForm(form);
            } finally {
                formDepth--;
            }
        }
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
        if (enterForm()) {
            try {
                super.showTransparencyGroup(group);
            } finally {
                formDepth--;
            }
        }
    }

    private boolean enterForm() {
        if (formDepth >= MAX_FORM_DEPTH) {
            nestingCut = true;
            return false;
        }
        formDepth++;
        return true;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("time limit reached while reading the first page");
        }
        if (++operators > MAX_OPERATORS) {
            throw ArtworkRejected.tooComplex(
                    "The first page has more than " + MAX_OPERATORS + " drawing operations", null);
        }
        if ("BI".equals(operator.getName()) && operator.getImageParameters() != null
                && operator.getImageData() != null) {
            PdfObjectGraph.checkInlineImage(operator.getImageParameters(), operator.getImageData(), limits);
        }
        if (!SKIPPED.contains(operator.getName())) {
            super.processOperator(operator, operands);
        }
    }

    // Vector painting: nothing to record.

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
