package dev.platen.render;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Colour values of a PDF page through a conversion at 8 bits a component, the precision of every colour that reaches
 * the press (the print's lcms transforms and the proof's reference both take 8-bit input). A single colour (a
 * vector operand, the same few repeated all over a page) is converted once and remembered by its 8-bit codes; image
 * rows go through as they come.
 */
final class EightBitConversion implements PdfRecolouring.ValueMap {

    /** The conversion of {@code colours} colours of 8-bit codes to {@code out}. */
    interface Codes {
        void convert(byte[] codes, int colours, float[] out) throws IOException;
    }

    private final int channels;
    private final int outComponents;
    private final Codes conversion;
    private final Map<Long, float[]> single = new HashMap<>();

    /** @param channels components in, at most 8 (a single colour's codes are its key) */
    EightBitConversion(int channels, int outComponents, Codes conversion) {
        this.channels = channels;
        this.outComponents = outComponents;
        this.conversion = conversion;
    }

    @Override
    public void map(float[] in, int pixels, float[] out) throws IOException {
        byte[] codes = new byte[pixels * channels];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = code(in[i]);
        }
        if (pixels != 1) {
            conversion.convert(codes, pixels, out);
            return;
        }
        long key = 0;
        for (byte b : codes) {
            key = key << 8 | (b & 0xFF);
        }
        float[] known = single.get(key);
        if (known == null) {
            known = new float[outComponents];
            conversion.convert(codes, 1, known);
            single.put(key, known);
        }
        System.arraycopy(known, 0, out, 0, outComponents);
    }

    /** A PDF component value (0..1, clamped: operands may stray out of range) as its 8-bit code. */
    static byte code(float value) {
        return (byte) Math.round(clamp(value) * 255);
    }

    static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
