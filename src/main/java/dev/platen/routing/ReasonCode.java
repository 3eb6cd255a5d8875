package dev.platen.routing;

/** Why a placement got the tier it got. Stable: clients switch on these names. */
public enum ReasonCode {
    /** The art meets the requested tier's minimum DPI. */
    FITS_REQUESTED_TIER,
    /** The requested tier was too large for the art's pixels; a smaller tested tier was chosen. */
    LOW_DPI_DOWNGRADED,
    /** No tier of the placement reaches its minimum DPI; an operator must decide. */
    NO_TIER_FITS,
    /** The chosen tier's minimum is met but its target DPI is not: it prints, a little softer. */
    BELOW_TARGET_DPI,
    /** Vector-only art: no resolution limit. */
    VECTOR_ART,
    /** An operator chose this tier. */
    OPERATOR_CHOSE_TIER,
    /** The tier prints below its tested minimum DPI (only ever by an operator's choice). */
    BELOW_MINIMUM_DPI,
    /** The decoded art did not bear out its header, or could not be decoded: an operator must look. */
    ARTWORK_DOUBTFUL
}
