package dev.platen.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The CMYK raster of a PDF page whose colours are already the stock's (DeviceCMYK, spot colours with a DeviceCMYK
 * alternate), made without ever passing through RGB: PDFBox renders RGB only, so each ink is rendered on its own.
 *
 * <p>For each of C, M, Y and K the page is loaded afresh and every colour rewritten ({@link PdfRecolouring}) to
 * DeviceGray holding {@code 1 - that ink} (images to one-channel grey images, shadings' functions resampled, a
 * spot colour through its CMYK alternate: the TIFF has four inks), then rendered by PDFBox. Compositing in CMYK
 * is done channel by channel on the complements (PDF 11.3.5: for separable blend modes each additive component
 * blends independently, and CMYK blends as its complement), so rendering each ink as a grey is exact for Normal and
 * every separable blend mode; the non-separable ones (Hue, Saturation, Color, Luminosity) are approximated.
 * Overprint is not simulated: a PDFBox render knocks out, as a composite proof without overprint preview does.
 * Soft masks are left as they are: a mask is the same for every ink.
 *
 * <p>PDFBox draws into TYPE_INT_RGB and one channel is read: Java2D's grey images use a linear grey colour space,
 * which would bend the values on the way to an 8-bit grey raster. The page is rendered band by band (a translated
 * render onto a band-sized image) into one file per ink, so a 40-megapixel canvas is never whole in memory; the
 * bands of the four files are then interleaved for the TIFF writer.
 */
final class PdfPlates implements CanvasRows, AutoCloseable {

    static final int BAND_ROWS = 512;
    private static final String[] INKS = {"cyan", "magenta", "yellow", "black"};

    private final PlacementCanvas canvas;
    private final Path[] plates;
    private final FileChannel[] channels;
    private byte[] row = new byte[0];

    private PdfPlates(PlacementCanvas canvas, Path[] plates) throws IOException {
        this.canvas = canvas;
        this.plates = plates;
        this.channels = new FileChannel[plates.length];
        for (int i = 0; i < plates.length; i++) {
            channels[i] = FileChannel.open(plates[i], StandardOpenOption.READ);
        }
    }

    /** Renders the one page of {@code pdf} (a print file: its media box is the canvas) ink by ink. */
    static PdfPlates render(Path pdf, PlacementCanvas canvas) throws IOException {
        Path[] plates = new Path[4];
        try {
            for (int ink = 0; ink < 4; ink++) {
                plates[ink] = Files.createTempFile("platen-plate-" + INKS[ink], ".raw");
                float scale = (float) (canvas.dpi() / 72.0);
                try (FileChannel out = FileChannel.open(plates[ink], StandardOpenOption.WRITE)) {
                    renderPlate(pdf, ink, canvas.widthPx(), canvas.heightPx(), scale, scale,
                            (band, rows) -> out.write(ByteBuffer.wrap(band, 0, rows * canvas.widthPx())));
                }
            }
            return new PdfPlates(canvas, plates);
        } catch (IOException | RuntimeException e) {
            for (Path p : plates) {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            }
            throw e;
        }
    }

    /**
     * The page of {@code pdf} at {@code width} x {@code height} pixels as CMYK, C, M, Y, K interleaved (0 = no
     * ink): for proofs, small enough to hold whole.
     */
    static byte[] cmyk(Path pdf, int width, int height) throws IOException {
        byte[] cmyk = new byte[width * height * 4];
        float[] scale = new float[2];
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            scale[0] = width / doc.getPage(0).getCropBox().getWidth();
            scale[1] = height / doc.getPage(0).getCropBox().getHeight();
        }
        for (int ink = 0; ink < 4; ink++) {
            int plate = ink;
            int[] y = {0};
            renderPlate(pdf, ink, width, height, scale[0], scale[1], (band, rows) -> {
                for (int i = 0; i < rows * width; i++) {
                    cmyk[(y[0] * width + i) * 4 + plate] = band[i];
                }
                y[0] += rows;
            });
        }
        return cmyk;
    }

    private interface PlateSink {
        void accept(byte[] inkRows, int rows) throws IOException;
    }

    private static void renderPlate(Path pdf, int ink, int width, int height, float scaleX, float scaleY,
                                    PlateSink sink) throws IOException {
        byte[] inkRows = new byte[width * Math.min(BAND_ROWS, height)];
        render(pdf, new Plate(ink), Color.WHITE, width, height, scaleX, scaleY, (pixels, rows) -> {
            for (int i = 0; i < rows * width; i++) {
                // the red channel holds the grey: 255 is no ink
                inkRows[i] = (byte) (255 - ((pixels[i] >> 16) & 0xFF));
            }
            sink.accept(inkRows, rows);
        });
    }

    /** Rows of packed 0xRRGGBB from the top, {@code rows} of them in each call. */
    interface RgbSink {
        void accept(int[] pixels, int rows) throws IOException;
    }

    /**
     * The first page of {@code pdf}, its colours rewritten by {@code spaces}, rendered by PDFBox band by band onto
     * {@code paper} as packed RGB.
     */
    static void render(Path pdf, PdfRecolouring.Spaces spaces, Color paper, int width, int height, float scaleX,
                       float scaleY, RgbSink sink) throws IOException {
        try (PDDocument doc = Loader.loadPDF(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(pdf.toFile()),
                "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            new PdfRecolouring(doc, spaces).page(doc.getPage(0));
            PDFRenderer renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(false);
            int bandRows = Math.min(BAND_ROWS, height);
            BufferedImage band = new BufferedImage(width, bandRows, BufferedImage.TYPE_INT_RGB);
            int[] pixels = new int[width * bandRows];
            for (int y0 = 0; y0 < height; y0 += bandRows) {
                int rows = Math.min(bandRows, height - y0);
                Graphics2D g = band.createGraphics();
                try {
                    // PDFBox clears the page with the background colour first, black unless set: paper
                    g.setBackground(paper);
                    g.setColor(paper);
                    g.fillRect(0, 0, width, bandRows);
                    g.translate(0, -y0);
                    renderer.renderPageToGraphics(0, g, scaleX, scaleY);
                } finally {
                    g.dispose();
                }
                band.getRaster().getDataElements(0, 0, width, rows, pixels);
                sink.accept(pixels, rows);
            }
        }
    }

    /**
     * The page of {@code pdf} at {@code width} x {@code height} pixels (its crop box scaled to them) with its colours
     * rewritten by {@code reference} ({@link PdfArtReference}): the art's true colours as 8-bit CIELAB, L, a, b
     * interleaved, paper where nothing is painted.
     */
    static byte[] lab(Path pdf, PdfArtReference reference, int width, int height) throws IOException {
        byte[] lab = new byte[width * height * 3];
        float[] scale = new float[2];
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            scale[0] = width / doc.getPage(0).getCropBox().getWidth();
            scale[1] = height / doc.getPage(0).getCropBox().getHeight();
        }
        int[] y = {0};
        int[] paper = PdfArtReference.PAPER;
        render(pdf, reference, new Color(paper[0], paper[1], paper[2]), width, height, scale[0], scale[1],
                (pixels, rows) -> {
                    for (int i = 0; i < rows * width; i++) {
                        int at = (y[0] * width + i) * 3;
                        lab[at] = (byte) (pixels[i] >> 16);
                        lab[at + 1] = (byte) (pixels[i] >> 8);
                        lab[at + 2] = (byte) pixels[i];
                    }
                    y[0] += rows;
                });
        return lab;
    }

    @Override
    public PlacementCanvas canvas() {
        return canvas;
    }

    @Override
    public void render(int y0, int rows, byte[] cmyk) {
        int width = canvas.widthPx();
        if (row.length < width * rows) {
            row = new byte[width * rows];
        }
        try {
            for (int ink = 0; ink < 4; ink++) {
                ByteBuffer buffer = ByteBuffer.wrap(row, 0, width * rows);
                long at = (long) y0 * width;
                while (buffer.hasRemaining()) {
                    if (channels[ink].read(buffer, at + buffer.position()) < 0) {
                        throw new IOException("the " + INKS[ink] + " plate ends early");
                    }
                }
                for (int i = 0; i < width * rows; i++) {
                    cmyk[i * 4 + ink] = row[i];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (int i = 0; i < plates.length; i++) {
            channels[i].close();
            Files.deleteIfExists(plates[i]);
        }
    }

    /** One ink's grey: every space of a converted page to DeviceGray holding 1 - that ink. */
    private static final class Plate implements PdfRecolouring.Spaces {
        private final int ink;
        private final java.util.Map<COSBase, PdfRecolouring.Space> known = new java.util.IdentityHashMap<>();

        Plate(int ink) {
            this.ink = ink;
        }

        @Override
        public boolean recoloursSoftMasks() {
            return false;
        }

        /**
         * Groups blend in RGB holding the grey: PDFBox renders a DeviceGray group through Java2D's linear grey, which
         * moves the values; the three equal channels of RGB blend exactly as one grey would.
         */
        @Override
        public COSBase groupSpace(PdfRecolouring.Space space) {
            return COSName.DEVICERGB;
        }

        @Override
        public PdfRecolouring.Space space(COSBase space, boolean inMask) throws IOException {
            PdfRecolouring.Space s = known.get(space);
            if (s == null) {
                s = plate(space);
                known.put(space, s);
            }
            return s;
        }

        private PdfRecolouring.Space grey(int components, PdfRecolouring.ValueMap toCmyk, float[] initial) {
            return new PdfRecolouring.Space(COSName.DEVICEGRAY, components, 1, (in, n, out) -> {
                float[] cmyk = new float[n * 4];
                toCmyk.map(in, n, cmyk);
                for (int i = 0; i < n; i++) {
                    out[i] = grey(cmyk[4 * i + ink]);
                }
            }, null, initial);
        }

        /**
         * The grey of an ink value, at the 8-bit count the ink has, plus a quarter count: PDFBox and Java2D round
         * some paths and truncate others (a 91 % spot came out 233 instead of 232), and a quarter count gives the
         * same 8-bit grey both ways.
         */
        private static float grey(float inkValue) {
            int count = Math.round(Math.max(0, Math.min(1, inkValue)) * 255);
            return Math.min(1, (255 - count + 0.25f) / 255);
        }

        private PdfRecolouring.Space plate(COSBase space) throws IOException {
            COSBase resolved = space instanceof COSObject o ? o.getObject() : space;
            if (resolved instanceof COSName name) {
                return switch (name.getName()) {
                    case "DeviceCMYK", "CMYK" -> grey(4, (in, n, out) -> System.arraycopy(in, 0, out, 0, n * 4),
                            new float[] {0, 0, 0, 1});
                    // grey left in a converted page is black ink (PDF/X: DeviceGray is the condition's K)
                    case "DeviceGray", "G" -> grey(1, (in, n, out) -> {
                        for (int i = 0; i < n; i++) {
                            out[4 * i + 3] = 1 - in[i];
                        }
                    }, new float[1]);
                    case "Pattern" -> new PdfRecolouring.Space(COSName.PATTERN, 0, 0, null, null, null);
                    default -> throw new PdfRecolouring.Unconvertible("a converted page still has /" + name.getName());
                };
            }
            if (!(resolved instanceof COSArray array) || !(array.getObject(0) instanceof COSName family)) {
                throw new PdfRecolouring.Unconvertible("a colour space " + resolved);
            }
            switch (family.getName()) {
                case "Separation", "DeviceN" -> {
                    int n = family.getName().equals("Separation") ? 1
                            : ((COSArray) array.getObject(1)).size();
                    if (PdfArtReference.paintsNothing(array.getObject(1))) {
                        // /None marks no plate: drawing its alternate as a grey would knock the inks out
                        return new PdfRecolouring.Space(COSName.DEVICEGRAY, n, 1, (in, count, out) ->
                                java.util.Arrays.fill(out, 0, count, 1), null, new float[n], true);
                    }
                    PdfRecolouring.Space alternate = space(array.getObject(2), false);
                    PdfRecolouring.ValueMap alternateValues = alternate.values();
                    if (alternateValues == null) {
                        throw new PdfRecolouring.Unconvertible("a Separation or DeviceN whose alternate is a Pattern");
                    }
                    PDFunction tint = PDFunction.create(array.getObject(3));
                    float[] initial = new float[n];
                    java.util.Arrays.fill(initial, 1);
                    return new PdfRecolouring.Space(COSName.DEVICEGRAY, n, 1, (in, count, out) -> {
                        float[] x = new float[n];
                        float[] alt = new float[alternate.inComponents()];
                        float[] g = new float[1];
                        for (int i = 0; i < count; i++) {
                            System.arraycopy(in, i * n, x, 0, n);
                            float[] y = tint.eval(x);
                            System.arraycopy(y, 0, alt, 0, Math.min(y.length, alt.length));
                            alternateValues.map(alt, 1, g);
                            out[i] = g[0];
                        }
                    }, null, initial);
                }
                case "Indexed", "I" -> {
                    PdfRecolouring.Space base = space(array.getObject(1), false);
                    PdfRecolouring.ValueMap baseValues = base.values();
                    if (baseValues == null) {
                        throw new PdfRecolouring.Unconvertible("an Indexed space over a Pattern");
                    }
                    int hival = ((COSNumber) array.getObject(2)).intValue();
                    byte[] lookup = array.getObject(3) instanceof COSString s ? s.getBytes()
                            : ((COSStream) array.getObject(3)).createInputStream().readAllBytes();
                    int inC = base.inComponents();
                    float[] in = new float[(hival + 1) * inC];
                    for (int i = 0; i < in.length; i++) {
                        in[i] = i < lookup.length ? (lookup[i] & 0xFF) / 255f : 0;
                    }
                    float[] out = new float[hival + 1];
                    baseValues.map(in, hival + 1, out);
                    byte[] palette = new byte[hival + 1];
                    for (int i = 0; i <= hival; i++) {
                        palette[i] = (byte) Math.round(Math.max(0, Math.min(1, out[i])) * 255);
                    }
                    COSArray result = new COSArray();
                    result.add(COSName.INDEXED);
                    result.add(COSName.DEVICEGRAY);
                    result.add(array.get(2));
                    result.add(new COSString(palette));
                    return new PdfRecolouring.Space(result, 1, 1, null, null, new float[1]);
                }
                case "Pattern" -> {
                    if (array.size() < 2) {
                        return new PdfRecolouring.Space(COSName.PATTERN, 0, 0, null, null, null);
                    }
                    PdfRecolouring.Space base = space(array.getObject(1), false);
                    COSArray result = new COSArray();
                    result.add(COSName.PATTERN);
                    result.add(base.result());
                    return new PdfRecolouring.Space(result, base.inComponents(), 1, null, base, null);
                }
                case "ICCBased" -> {
                    // a kept ICC CMYK in the stock's own profile would be converted already; by N as device
                    int n = array.getObject(1) instanceof COSStream s ? s.getInt(COSName.N, 4) : 4;
                    if (n != 4) {
                        throw new PdfRecolouring.Unconvertible("a converted page still has an ICC space of " + n);
                    }
                    return plate(COSName.DEVICECMYK);
                }
                default -> throw new PdfRecolouring.Unconvertible("a converted page still has /" + family.getName());
            }
        }
    }
}
