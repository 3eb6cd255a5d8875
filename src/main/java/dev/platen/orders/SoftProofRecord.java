package dev.platen.orders;

import org.jspecify.annotations.Nullable;

/**
 * A placement's soft proof as the order book holds it: the SHA-256 of each screen image in the object store
 * (PNG), and the colour report.
 *
 * @param deltaE2000Mean   mean ΔE2000 between the art on screen and its proof on the stock
 * @param outOfGamutShare  share of the art's pixels the stock cannot reproduce, 0 to 1
 * @param maxTotalInk      highest total area coverage in the separation, in percent
 * @param ssim             structural similarity of the print (converted back through the stock profile) to the art, on
 *                         lightness, 0 to 1; null for proofs made before it was measured
 */
public record SoftProofRecord(String proofSha256, String gamutSha256, String mockupSha256, String beforeAfterSha256,
                              double deltaE2000Mean, double deltaE2000P95, double outOfGamutShare, double maxTotalInk,
                              @Nullable Double ssim) {
}
