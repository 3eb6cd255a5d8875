package dev.platen.artwork;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes clients switch on, spelled out once: the rest of the tests use {@link Finding}'s constants, so this is
 * where a renamed code shows as the breaking change it is.
 */
class FindingCodesTest {

    @Test
    void theWireNamesOfTheColourAndPdfCodes() {
        assertThat(new String[] {Finding.INK_LIMIT_APPLIED, Finding.CMYK_PASSED_THROUGH, Finding.CMYK_PROFILE_USED,
                Finding.ASSUMED_CMYK_PROFILE, Finding.GREY_AS_K, Finding.SPOT_COLOUR_KEPT,
                Finding.SPOT_COLOUR_CONVERTED, Finding.PDF_RASTERISED, Finding.FONT_NOT_EMBEDDED,
                Finding.TRUNCATED_IMAGE}).containsExactly("INK_LIMIT_APPLIED", "CMYK_PASSED_THROUGH",
                "CMYK_PROFILE_USED", "ASSUMED_CMYK_PROFILE", "GREY_AS_K", "SPOT_COLOUR_KEPT", "SPOT_COLOUR_CONVERTED",
                "PDF_RASTERISED", "FONT_NOT_EMBEDDED", "TRUNCATED_IMAGE");
    }
}
