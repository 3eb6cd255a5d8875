package dev.platen.artwork;

/**
 * How the file coded the art's pixels, which decides what kind of compression damage they can carry: only pixels
 * that went through JPEG's 8 x 8 DCT blocks can show JPEG blocking, and a grid of steps in a lossless file is part
 * of the design (pixel art, a checkerboard, a table drawn at round coordinates), never compression.
 */
public enum PixelCoding {
    /** Every sample as it was made: PNG, a TIFF without JPEG compression, lossless WebP (VP8L), vector PDF. */
    LOSSLESS,
    /**
     * JPEG's 8 x 8 blocks: a JPEG file, a TIFF with JPEG or old-style JPEG compression (tags 7 and 6), a PDF page
     * that draws a DCTDecode image.
     */
    JPEG,
    /**
     * Lossy, but not in JPEG's fixed 8 x 8 grid: lossy WebP (VP8: 4 x 4 transforms in 16 x 16 macroblocks, with an
     * in-loop deblocking filter), JPEG 2000 in a PDF (wavelets, no blocks).
     */
    OTHER_LOSSY
}
