package dev.platen.artwork;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * PDFBox's renderer with the bounds of {@link PlacedImageCollector}: forms and Type 3 glyphs nested no deeper than
 * {@link PlacedImageCollector#MAX_FORM_DEPTH} (a form or glyph that draws itself is a loop, not art), at most
 * {@link PlacedImageCollector#MAX_OPERATORS} operators per page, and the time limit's interrupt checked between
 * operators. Nesting past the limit is not drawn; too many operators reject the file.
 */
final class GuardedRenderer extends PDFRenderer {

    private final ArtworkLimits limits;

    GuardedRenderer(PDDocument document, ArtworkLimits limits) {
        super(document);
        this.limits = limits;
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new BoundedPageDrawer(parameters, limits);
    }

    private static final class BoundedPageDrawer extends PageDrawer {
        private final ArtworkLimits limits;
        private int depth;
        private long operators;

        BoundedPageDrawer(PageDrawerParameters parameters, ArtworkLimits limits) throws IOException {
            super(parameters);
            this.limits = limits;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("time limit reached while rendering the page");
            }
            if (++operators > PlacedImageCollector.MAX_OPERATORS) {
                throw ArtworkRejected.tooComplex("The page has more than " + PlacedImageCollector.MAX_OPERATORS
                        + " drawing operations", null);
            }
            if ("BI".equals(operator.getName()) && operator.getImageParameters() != null
                    && operator.getImageData() != null) {
                PdfObjectGraph.checkInlineImage(operator.getImageParameters(), operator.getImageData(), limits);
            }
            super.processOperator(operator, operands);
        }

        @Override
        public void showForm(PDFormXObject form) throws IOException {
            if (depth < PlacedImageCollector.MAX_FORM_DEPTH) {
                depth++;
                try {
                    super.showForm(form);
                } finally {
                    depth--;
                }
            }
        }

        @Override
        public void showTransparencyGroup(PDTransparencyGroup group) throws IOException {
            if (depth < PlacedImageCollector.MAX_FORM_DEPTH) {
                depth++;
                try {
                    super.showTransparencyGroup(group);
                } finally {
                    depth--;
                }
            }
        }

        @Override
        protected void showType3Glyph(Matrix matrix, PDType3Font font, int code, Vector displacement)
                throws IOException {
            if (depth < PlacedImageCollector.MAX_FORM_DEPTH) {
                depth++;
                try {
                    super.showType3Glyph(matrix, font, code, displacement);
                } finally {
                    depth--;
                }
            }
        }
    }
}
