package dev.platen.artwork;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FindingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFindingStoredBeforeSeveritiesWereKeptReadsBackWithTheSeverityItsMessageStartsWith() throws Exception {
        List<Finding> stored = List.of(json.readValue("""
                [{"code":"EMPTY_MARGINS","message":"PROBLEM: 75% of the art is empty paper white border."},
                 {"code":"JPEG_BLOCKING","message":"WARNING: JPEG blocks show."},
                 {"code":"UNTAGGED_RGB","message":"RGB art without a profile, taken as sRGB."}]""", Finding[].class));

        assertThat(stored).extracting(Finding::severity)
                .containsExactly(Finding.Severity.PROBLEM, Finding.Severity.WARNING, Finding.Severity.INFO);
        assertThat(stored).extracting(Finding::box).containsOnlyNulls();
        assertThat(stored.get(0).sentence()).isEqualTo("75% of the art is empty paper white border.");
        assertThat(stored.get(2).sentence()).isEqualTo("RGB art without a profile, taken as sRGB.");
    }

    @Test
    void aFindingWithItsPlaceOnTheArtKeepsItThroughTheDatabasesJson() throws Exception {
        Finding margins = new Finding("EMPTY_MARGINS", "PROBLEM: 75% of the art is empty.", Finding.Severity.PROBLEM,
                Finding.Box.ofPixels(300, 300, 600, 600, 1200, 1200));

        Finding read = json.readValue(json.writeValueAsString(margins), Finding.class);

        assertThat(read).isEqualTo(margins);
        assertThat(read.box()).isEqualTo(new Finding.Box(0.25, 0.25, 0.5, 0.5));
    }

    @Test
    void aBoxStaysOnTheArt() {
        assertThatThrownBy(() -> new Finding.Box(0.5, 0, 0.6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Finding.Box(0, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
