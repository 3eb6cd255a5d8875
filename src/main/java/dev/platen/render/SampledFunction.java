package dev.platen.render;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A sampled (Type 0) function (PDF 7.10.2) made by evaluating another mapping on a regular grid: how a tint
 * transform or a shading's function gets a new output space without knowing what the original function computes
 * (Types 2, 3 and 4 alike). 8 bits a sample, as every colour that reaches the press is; linear interpolation
 * between grid points (Order 1). A Separation's tint has 256 grid points, so each 8-bit tint is a sample exactly.
 */
final class SampledFunction {

    interface Sampler {
        void eval(float[] input, float[] output) throws IOException;
    }

    private SampledFunction() {
    }

    /** Grid points per input so that a function stays below about 70 000 samples. */
    static int gridFor(int inputs) {
        return switch (inputs) {
            case 1 -> 256;
            case 2 -> 65;
            case 3 -> 33;
            case 4 -> 17;
            case 5 -> 9;
            default -> 5;
        };
    }

    /**
     * @param domain  min and max per input
     * @param outputs outputs, each 0..1
     */
    static COSStream sample(PDDocument document, int inputs, int grid, float[] domain, int outputs, Sampler sampler)
            throws IOException {
        long count = 1;
        for (int i = 0; i < inputs; i++) {
            count *= grid;
        }
        if (count * outputs > 8L << 20) {
            throw new PdfRecolouring.Unconvertible("a function of " + inputs + " inputs is too large to sample");
        }
        byte[] samples = new byte[(int) count * outputs];
        float[] x = new float[inputs];
        float[] y = new float[outputs];
        int[] index = new int[inputs];
        for (int s = 0; s < count; s++) {
            // the first input varies fastest (PDF 7.10.2)
            int rest = s;
            for (int i = 0; i < inputs; i++) {
                index[i] = rest % grid;
                rest /= grid;
                x[i] = domain[2 * i] + index[i] * (domain[2 * i + 1] - domain[2 * i]) / (grid - 1);
            }
            sampler.eval(x, y);
            for (int o = 0; o < outputs; o++) {
                samples[s * outputs + o] = (byte) Math.round(Math.max(0, Math.min(1, y[o])) * 255);
            }
        }
        COSStream stream = document.getDocument().createCOSStream();
        stream.setInt(COSName.FUNCTION_TYPE, 0);
        COSArray domainArray = new COSArray();
        for (float d : domain) {
            domainArray.add(new COSFloat(d));
        }
        stream.setItem(COSName.DOMAIN, domainArray);
        COSArray range = new COSArray();
        for (int o = 0; o < outputs; o++) {
            range.add(COSInteger.ZERO);
            range.add(COSInteger.ONE);
        }
        stream.setItem(COSName.RANGE, range);
        COSArray size = new COSArray();
        for (int i = 0; i < inputs; i++) {
            size.add(COSInteger.get(grid));
        }
        stream.setItem(COSName.SIZE, size);
        stream.setInt(COSName.BITS_PER_SAMPLE, 8);
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(PdfRecolouring.deflate(samples));
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return stream;
    }
}
