package dev.platen.preflight;

import dev.platen.artwork.Finding;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ColourSourceCheckTest {

    private final ColourSourceCheck check = new ColourSourceCheck();

    @Test
    void untaggedArtIsNotReportedTwice() {
        // was UNTAGGED_COLOUR beside the render step's UNTAGGED_RGB: one fact, one finding (issue 12)
        assertThat(check.map(List.of(new Finding("UNTAGGED_RGB", "no profile")), null)).isEmpty();
        assertThat(check.map(List.of(new Finding(Finding.ASSUMED_CMYK_PROFILE, "no profile")), null)).isEmpty();
    }

    @Test
    void anIgnoredProfileSaysNothingAboutGamut() {
        assertThat(check.map(List.of(new Finding("ICC_PROFILE_IGNORED", "broken")), "ProPhoto RGB")).isEmpty();
    }

    @Test
    void adobeRgbAndDisplayP3AreInfo() {
        QualityFinding adobe = check.map(List.of(), "Adobe RGB (1998)").get(0);
        assertThat(adobe.code()).isEqualTo("WIDE_GAMUT_SOURCE");
        assertThat(adobe.severity()).isEqualTo(Severity.INFO);
        assertThat(adobe.measured()).isCloseTo(1.35, within(0.01));
        assertThat(adobe.threshold()).isEqualTo(ColourSourceCheck.DEFAULT_INFO);

        QualityFinding p3 = check.map(List.of(), "Display P3").get(0);
        assertThat(p3.severity()).isEqualTo(Severity.INFO);
        assertThat(p3.measured()).isCloseTo(1.36, within(0.01));
    }

    @Test
    void proPhotoAndRec2020AreWarnings() {
        QualityFinding proPhoto = check.map(List.of(), "ProPhoto RGB").get(0);
        assertThat(proPhoto.severity()).isEqualTo(Severity.WARNING);
        assertThat(proPhoto.measured()).isCloseTo(2.47, within(0.01));
        assertThat(proPhoto.message()).contains("ProPhoto RGB").contains("visibly duller");
        for (String name : List.of("Rec. 2020", "ITU-R BT.2020 (PQ)", "rec2020 linear")) {
            QualityFinding rec2020 = check.map(List.of(), name).get(0);
            assertThat(rec2020.severity()).as(name).isEqualTo(Severity.WARNING);
            assertThat(rec2020.measured()).as(name).isCloseTo(1.89, within(0.01));
        }
    }

    @Test
    void srgbAndOtherFindingsSayNothing() {
        assertThat(check.map(List.of(), "sRGB IEC61966-2.1")).isEmpty();
        assertThat(check.map(List.of(new Finding("EXIF_INVALID", "x")), null)).isEmpty();
    }

    @Test
    void limitsAreTunable() {
        // a shop printing on a wide-gamut inkjet may only care about ProPhoto
        ColourSourceCheck lenient = new ColourSourceCheck(2.0, 3.0);
        assertThat(lenient.map(List.of(), "Adobe RGB (1998)")).isEmpty();
        assertThat(lenient.map(List.of(), "ProPhoto RGB").get(0).severity()).isEqualTo(Severity.INFO);
    }
}
