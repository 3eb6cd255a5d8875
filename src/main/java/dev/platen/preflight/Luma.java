package dev.platen.preflight;

/**
 * Luminance of the 8-bit encoded samples {@link java.awt.image.BufferedImage#getRGB} gives, with the Rec. 601
 * weights JPEG uses for its Y channel: the blocking check looks for JPEG's own luma blocks, and the other checks
 * use the same scale so their numbers compare. Computed on the encoded (gamma) values, as the eye's response to
 * edges and noise is closer to those than to linear light.
 */
final class Luma {

    private Luma() {
    }

    /** 0 (black) to 255 (white), alpha ignored. */
    static float of(int argb) {
        return 0.299f * ((argb >> 16) & 0xff) + 0.587f * ((argb >> 8) & 0xff) + 0.114f * (argb & 0xff);
    }

    /** 0 to 1, composited over paper white as the print file is: a transparent pixel prints as the paper. */
    static float overWhite(int argb) {
        float alpha = (argb >>> 24) / 255f;
        return (alpha * of(argb) + (1f - alpha) * 255f) / 255f;
    }

    static int alpha(int argb) {
        return argb >>> 24;
    }
}
