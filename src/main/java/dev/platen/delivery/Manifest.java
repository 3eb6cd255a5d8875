package dev.platen.delivery;

import dev.platen.routing.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything a partner needs to print a job and to check it got the right bytes: what to print on what, at
 * which size and colour settings, who approved it, and each file with its size and SHA-256.
 *
 * @param quantity how many of the product to print
 */
record Manifest(String job, OrderRef order, String product, String productName, String placement,
                String placementName, int quantity, Tier tier, PhysicalSize physicalSize, StockRef stock,
                Profile profile, String intent, boolean blackPointCompensation, ApprovalRef approval,
                List<FileRef> files, RuleSetRef ruleSet) {

    /** The rule set the placement ran under: its tiers, stock, lane table and quality rules, by number and digest. */
    record RuleSetRef(int number, String digest) {
    }

    record OrderRef(String id, String reference) {
    }

    /**
     * @param downgraded     true when the art did not hold up at the tier asked for and a smaller one was chosen
     * @param downgradedFrom the tier asked for, when downgraded; else null
     * @param effectiveDpi   of the art at this tier; null for vector art
     * @param reasons        why the placement prints at this tier, e.g. {@code LOW_DPI_DOWNGRADED}
     */
    record Tier(String id, String name, String requested, boolean downgraded, @Nullable String downgradedFrom,
                @Nullable BigDecimal effectiveDpi, int targetDpi, List<ReasonCode> reasons) {
    }

    /** The print area of the tier, in the unit the catalog gives it, and in inches; bleed is extra, per side. */
    record PhysicalSize(BigDecimal width, BigDecimal height, String unit, BigDecimal widthInches,
                        BigDecimal heightInches, double bleedInches) {
    }

    record StockRef(String id, String name, String paper, String outputCondition) {
    }

    /** @param name the profile's description tag */
    record Profile(String name, String file, String sha256) {
    }

    /** @param approvedBy {@code platen} when no person had to look ({@code automatic}) */
    record ApprovalRef(String approvedBy, Instant approvedAt, boolean automatic, String laneReason, String proofSha256) {
    }

    /**
     * @param url       download with the partner's key
     * @param signedUrl download without a key, until {@code signedUrlExpiresAt}
     */
    record FileRef(String format, String mediaType, long bytes, String sha256, int widthPx, int heightPx, int dpi,
                   String url, String signedUrl, Instant signedUrlExpiresAt) {
    }
}
