package dev.platen.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9110 §14.1.2 examples and edge cases, against a 10,000-byte file. */
class ByteRangeTest {

    private static final long LENGTH = 10_000;

    @Test
    void theRangeFormsOfTheStandard() {
        assertThat(ByteRange.of("bytes=0-499", LENGTH)).isEqualTo(new ByteRange.Part(0, 499));
        assertThat(ByteRange.of("bytes=500-999", LENGTH)).isEqualTo(new ByteRange.Part(500, 999));
        assertThat(ByteRange.of("bytes=-500", LENGTH)).isEqualTo(new ByteRange.Part(9500, 9999));
        assertThat(ByteRange.of("bytes=9500-", LENGTH)).isEqualTo(new ByteRange.Part(9500, 9999));
        assertThat(ByteRange.of("bytes=0-0", LENGTH)).isEqualTo(new ByteRange.Part(0, 0));
        assertThat(ByteRange.of("bytes=-1", LENGTH)).isEqualTo(new ByteRange.Part(9999, 9999));
        assertThat(ByteRange.of("Bytes = 10 - 19", LENGTH)).isEqualTo(new ByteRange.Part(10, 19));
    }

    @Test
    void aLastPositionPastTheEndIsCutToTheEnd() {
        assertThat(ByteRange.of("bytes=9000-20000", LENGTH)).isEqualTo(new ByteRange.Part(9000, 9999));
        assertThat(ByteRange.of("bytes=0-99999999999999999999999", LENGTH)).isEqualTo(new ByteRange.Part(0, 9999));
        assertThat(ByteRange.of("bytes=-20000", LENGTH)).isEqualTo(new ByteRange.Part(0, 9999));
    }

    @Test
    void nothingOfTheFileInTheRangeIsUnsatisfiable() {
        assertThat(ByteRange.of("bytes=10000-", LENGTH)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=10000-10005", LENGTH)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=99999999999999999999999-", LENGTH)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", LENGTH)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void whatIsNotOneValidByteRangeGetsTheWholeFile() {
        assertThat(ByteRange.of(null, LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-99,200-299", LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=500-100", LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("items=0-5", LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=a-b", LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=-", LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=5", LENGTH)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("0-5", LENGTH)).isInstanceOf(ByteRange.Whole.class);
    }

    @Test
    void thePartNamesItselfInContentRange() {
        ByteRange.Part part = (ByteRange.Part) ByteRange.of("bytes=-500", LENGTH);
        assertThat(part.length()).isEqualTo(500);
        assertThat(part.contentRange(LENGTH)).isEqualTo("bytes 9500-9999/10000");
    }

    @Test
    void ifNoneMatchComparesWeaklyAndTakesListsAndStar() {
        String etag = "\"" + "ab".repeat(32) + "\"";
        assertThat(PrintFileDownload.matches(etag, etag)).isTrue();
        assertThat(PrintFileDownload.matches("W/" + etag, etag)).isTrue();
        assertThat(PrintFileDownload.matches("\"other\", " + etag, etag)).isTrue();
        assertThat(PrintFileDownload.matches("*", etag)).isTrue();
        assertThat(PrintFileDownload.matches("\"other\"", etag)).isFalse();
        assertThat(PrintFileDownload.matches(null, etag)).isFalse();
    }
}
