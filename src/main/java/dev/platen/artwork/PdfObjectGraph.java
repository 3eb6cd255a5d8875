package dev.platen.artwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.jspecify.annotations.Nullable;

/**
 * Walks the objects a PDF's first page uses before PDFBox decodes any of them: the page tree down to the first
 * page, then everything reachable from that page (contents, resources, forms, fonts, images, annotations) and the
 * output intents. Every object is visited once (a visited set: PDF object graphs may be cyclic), nesting is
 * bounded by {@link ArtworkLimits#maxPdfObjectDepth()}, and every stream is decoded once through its
 * general-purpose filters into a counter that stops at {@link ArtworkLimits#maxPdfStreamBytes()}, with all
 * streams together held to {@link ArtworkLimits#maxPdfDocumentBytes()}.
 *
 * <p>PDFBox decodes a stream whole, into memory, before handing out its first byte, and it has no size limit:
 * measuring first is what keeps a 500-byte stream that inflates to gigabytes from reaching it. The filter chain is
 * measured as declared: PDFBox silently drops a repeated filter, a reader that does not would inflate the bomb.
 */
final class PdfObjectGraph {

    /**
     * Back-links and navigation: following them would leave the page (to its parent tree, the other pages, the
     * document outline) without reaching anything the page draws.
     */
    private static final Set<COSName> NOT_FOLLOWED = Set.of(COSName.PARENT, COSName.P, COSName.DEST, COSName.D,
            COSName.A, COSName.AA, COSName.B, COSName.getPDFName("Popup"), COSName.getPDFName("IRT"),
            COSName.NEXT, COSName.PREV, COSName.FIRST, COSName.LAST, COSName.THREADS, COSName.DESTS,
            COSName.OUTLINES, COSName.PAGES, COSName.KIDS);

    /**
     * Image codecs: their output is pixels, whose size the image dictionary declares and the pixel and decoded-byte
     * limits check. Decoding them here would cost what the limits are there to prevent.
     */
    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE,
            COSName.CCITTFAX_DECODE_ABBREVIATION);

    /** Frame headers follow the APP segments; 4 MB holds any real set of Exif, ICC and Photoshop segments. */
    private static final int JPEG_HEADER_BYTES = 4 << 20;

    private final ArtworkLimits limits;
    private final Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private long decodedBytes;

    private PdfObjectGraph(ArtworkLimits limits) {
        this.limits = limits;
    }

    /**
     * The first page's dictionary, found by walking the page tree depth-first (ISO 32000-1, 7.7.3.2) with a visited
     * set, after checking every stream the page uses.
     *
     * @throws ArtworkRejected for a cyclic or too deep page tree, too deep nesting or streams over the byte limits
     */
    static @Nullable COSDictionary checkedFirstPage(COSDictionary catalog, ArtworkLimits limits) throws IOException {
        PdfObjectGraph graph = new PdfObjectGraph(limits);
        COSDictionary page = graph.firstPage(catalog);
        if (page == null) {
            return null;
        }
        graph.walk(page, 0);
        graph.walk(catalog.getDictionaryObject(COSName.OUTPUT_INTENTS), 0);
        return page;
    }

    private @Nullable COSDictionary firstPage(COSDictionary catalog) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return firstLeaf(catalog.getDictionaryObject(COSName.PAGES), seen, 0);
    }

    private @Nullable COSDictionary firstLeaf(@Nullable COSBase node, Set<COSBase> seen, int depth) {
        if (!(node instanceof COSDictionary dictionary)) {
            return null;
        }
        if (!seen.add(dictionary)) {
            throw ArtworkRejected.pdfStructure("PDF_CYCLIC_PAGE_TREE",
                    "The PDF's page tree contains itself: a page tree node is its own descendant");
        }
        if (depth > limits.maxPdfObjectDepth()) {
            throw ArtworkRejected.pdfStructure("PDF_TOO_DEEP", "The PDF's page tree is nested deeper than "
                    + limits.maxPdfObjectDepth() + " levels");
        }
        COSBase kids = dictionary.getDictionaryObject(COSName.KIDS);
        if (!(kids instanceof COSArray array) || COSName.PAGE.equals(dictionary.getCOSName(COSName.TYPE))) {
            return dictionary;
        }
        for (int i = 0; i < array.size(); i++) {
            COSDictionary leaf = firstLeaf(array.getObject(i), seen, depth + 1);
            if (leaf != null) {
                return leaf;
            }
        }
        return null;
    }

    private void walk(@Nullable COSBase object, int depth) throws IOException {
        COSBase value = object instanceof COSObject reference ? reference.getObject() : object;
        if (!(value instanceof COSDictionary) && !(value instanceof COSArray)) {
            return;
        }
        if (!visited.add(value)) {
            return;
        }
        if (depth > limits.maxPdfObjectDepth()) {
            throw ArtworkRejected.pdfStructure("PDF_TOO_DEEP", "The PDF's objects are nested deeper than "
                    + limits.maxPdfObjectDepth() + " levels");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("time limit reached while checking the PDF's objects");
        }
        if (value instanceof COSStream stream) {
            measure(stream);
        }
        if (value instanceof COSDictionary dictionary) {
            for (COSName key : new ArrayList<>(dictionary.keySet())) {
                if (!NOT_FOLLOWED.contains(key)) {
                    walk(dictionary.getItem(key), depth + 1);
                }
            }
        } else {
            for (COSBase element : (COSArray) value) {
                walk(element, depth + 1);
            }
        }
    }

    private void measure(COSStream stream) throws IOException {
        List<COSName> filters = filters(stream, COSName.FILTER);
        boolean image = COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
        if (image && filters.size() == 1 && (filters.get(0).equals(COSName.DCT_DECODE)
                || filters.get(0).equals(COSName.DCT_DECODE_ABBREVIATION))) {
            checkJpegFrame(stream);
            return;
        }
        // An image is as big as its dictionary says, give or take PNG predictor bytes; its pixels are held to
        // maxDecodedBytes on their own, so a large photo does not use up the budget of the page's other streams.
        long streamLimit = image ? Math.min(limits.decodedBytesBudget(), 2 * declaredImageBytes(stream) + (1 << 20))
                : Math.min(limits.maxPdfStreamBytes(), limits.maxPdfDocumentBytes() - decodedBytes);
        long length = decodedLength(stream::createRawInputStream, stream, filters, streamLimit);
        if (!image) {
            decodedBytes += length;
        }
    }

    /**
     * An inline image (BI ... ID ... EI in a content stream), which PDFBox decodes whole into memory as soon as the
     * content stream names it: measured through its filters against the size its parameters declare.
     */
    static void checkInlineImage(COSDictionary parameters, byte[] data, ArtworkLimits limits) throws IOException {
        PdfObjectGraph graph = new PdfObjectGraph(limits);
        List<COSName> filters = filters(parameters, COSName.F);
        if (filters.isEmpty()) {
            filters = filters(parameters, COSName.FILTER);
        }
        long limit = Math.min(limits.decodedBytesBudget(), 2 * declaredImageBytes(parameters) + (1 << 20));
        graph.decodedLength(() -> new java.io.ByteArrayInputStream(data), parameters, filters, limit);
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    /** The decoded length through the general-purpose filters, stopped at {@code streamLimit}. */
    private long decodedLength(Source raw, COSDictionary parameters, List<COSName> filters, long streamLimit)
            throws IOException {
        Path intermediate = null;
        long length = 0;
        try {
            for (int i = 0; i < filters.size() && !IMAGE_CODECS.contains(filters.get(i)); i++) {
                boolean lastMeasured = i + 1 == filters.size() || IMAGE_CODECS.contains(filters.get(i + 1));
                Path next = lastMeasured ? null : Files.createTempFile("platen-pdf-stream", ".bin");
                Counter out = new Counter(next == null ? OutputStream.nullOutputStream()
                        : new java.io.BufferedOutputStream(Files.newOutputStream(next), 1 << 16), streamLimit);
                try (InputStream encoded = new java.io.BufferedInputStream(intermediate == null
                        ? raw.open() : Files.newInputStream(intermediate), 1 << 16); out) {
                    FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(encoded, out, parameters, i);
                } catch (IOException | RuntimeException e) {
                    if (next != null) {
                        Files.deleteIfExists(next);
                    }
                    if (out.count > streamLimit) {
                        throw ArtworkRejected.pdfDecodedTooLarge(overflowMessage(streamLimit));
                    }
                    throw e;
                }
                if (out.count > streamLimit) {
                    // a filter that swallowed the counter's exception and carried on
                    throw ArtworkRejected.pdfDecodedTooLarge(overflowMessage(streamLimit));
                }
                if (intermediate != null) {
                    Files.deleteIfExists(intermediate);
                }
                intermediate = next;
                length = out.count;
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ArtworkRejected) {
                throw e;
            }
            // A stream that does not decode is PDFBox's to judge when (and if) it is used; many files carry a
            // broken stream nobody draws. Only what did decode counts.
        } finally {
            if (intermediate != null) {
                Files.deleteIfExists(intermediate);
            }
        }
        return length;
    }

    private static long declaredImageBytes(COSDictionary image) {
        long width = Math.max(0, image.getInt(COSName.WIDTH, image.getInt(COSName.W, 0)));
        long height = Math.max(0, image.getInt(COSName.HEIGHT, image.getInt(COSName.H, 0)));
        long bits = Math.max(1, image.getInt(COSName.BITS_PER_COMPONENT, image.getInt(COSName.BPC, 8)));
        // The colour space is not resolved here (it may be an indirect ICC stream); four components covers CMYK.
        return (width * bits * 4 + 7) / 8 * height;
    }

    /**
     * A JPEG placed in a PDF is decoded by ImageIO at the size its own frame header says, whatever the image
     * dictionary claims: the frame header is checked against the limits like an uploaded JPEG's.
     */
    private void checkJpegFrame(COSStream stream) throws IOException {
        byte[] start;
        try (InputStream raw = stream.createRawInputStream()) {
            start = raw.readNBytes(JPEG_HEADER_BYTES);
        }
        RasterFacts facts;
        try {
            facts = JpegSegments.read(java.nio.ByteBuffer.wrap(start));
        } catch (ArtworkRejected e) {
            return; // no frame header in reach: PDFBox will judge the image when it is drawn
        }
        long pixels = (long) facts.storedWidth() * facts.storedHeight();
        if (pixels > limits.maxPixels() || pixels * 4 > limits.decodedBytesBudget()) {
            throw ArtworkRejected.tooLarge("A JPEG image in the PDF declares " + facts.storedWidth() + "x"
                    + facts.storedHeight() + " px, more than the limits allow");
        }
    }

    private String overflowMessage(long streamLimit) {
        return streamLimit < limits.maxPdfStreamBytes()
                ? "The PDF's first page uses streams that decode to more than " + (limits.maxPdfDocumentBytes() >> 20)
                        + " MiB together"
                : "A stream of the PDF decodes to more than " + (limits.maxPdfStreamBytes() >> 20) + " MiB";
    }

    /** The stream's filters in order: a single name or an array of names (ISO 32000-1, 7.3.8.2). */
    private static List<COSName> filters(COSDictionary stream, COSName key) {
        COSBase filter = stream.getDictionaryObject(key);
        List<COSName> names = new ArrayList<>();
        if (filter instanceof COSName name) {
            names.add(name);
        } else if (filter instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Counts what a filter writes and stops it at the limit; checks the time limit's interrupt as it goes. */
    private static final class Counter extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private long count;

        Counter(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        /** Run-length and LZW decoders write byte by byte: this path must not allocate. */
        @Override
        public void write(int b) throws IOException {
            if (++count > limit) {
                throw new IOException("decoded stream over the limit of " + limit + " bytes");
            }
            if ((count & 0xFFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("time limit reached while decoding a PDF stream");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) {
                throw new IOException("decoded stream over the limit of " + limit + " bytes");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("time limit reached while decoding a PDF stream");
            }
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
