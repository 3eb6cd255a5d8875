package dev.platen.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

/**
 * Every download of a stored file is answered by {@link FileDownload}: conditions, then ranges, in the order RFC 9110
 * gives them. Run through Spring MVC itself, which writes the parts.
 */
class FileDownloadTest {

    private static final int LENGTH = 10_000;
    private static final String SHA = "ab".repeat(32);
    private static final String ETAG = "\"" + SHA + "\"";
    private static final byte[] BYTES = bytes();

    @RestController
    static class Files {

        @GetMapping("/file")
        ResponseEntity<?> file(HttpServletRequest request) throws IOException {
            return new FileDownload(new ByteArrayResource(BYTES), SHA, MediaType.APPLICATION_PDF,
                    ContentDisposition.attachment().filename("tee.pdf").build()).answer(request);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Files())
            .setControllerAdvice(new ApiProblems())
            .setMessageConverters(new org.springframework.http.converter.ResourceHttpMessageConverter(),
                    new org.springframework.http.converter.ResourceRegionHttpMessageConverter(),
                    new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json().build()))
            .build();

    @Test
    void theWholeFileWithItsValidatorsAndDigest() throws Exception {
        MockHttpServletResponse whole = answer(get("/file"));
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getContentAsByteArray()).isEqualTo(BYTES);
        assertThat(whole.getHeader("ETag")).isEqualTo(ETAG);
        assertThat(whole.getContentLengthLong()).isEqualTo(LENGTH);
        assertThat(whole.getContentType()).isEqualTo("application/pdf");
        assertThat(whole.getHeader("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.getHeader("Cache-Control")).contains("private", "immutable", "max-age=31536000");
        assertThat(whole.getHeader("Content-Disposition")).contains("attachment", "tee.pdf");
        assertThat(whole.getHeader("Repr-Digest"))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(SHA)) + ":");
    }

    @Test
    void theRangeFormsOfTheStandard() throws Exception {
        assertPart("bytes=0-499", 0, 499);
        assertPart("bytes=500-999", 500, 999);
        assertPart("bytes=-500", 9500, 9999);
        assertPart("bytes=9500-", 9500, 9999);
        assertPart("bytes=0-0", 0, 0);
        assertPart("bytes=-1", 9999, 9999);
        // past the end is cut at the end; a suffix longer than the file is the file
        assertPart("bytes=9000-20000", 9000, 9999);
        assertPart("bytes=-20000", 0, 9999);
    }

    @Test
    void nothingOfTheFileInTheRangeIsA416ProblemNamingTheLength() throws Exception {
        for (String range : new String[]{"bytes=10000-", "bytes=10000-10005", "bytes=999999999-", "bytes=-0"}) {
            MockHttpServletResponse refused = answer(get("/file").header("Range", range));
            assertThat(refused.getStatus()).as(range).isEqualTo(416);
            assertThat(refused.getHeader("Content-Range")).isEqualTo("bytes */" + LENGTH);
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(refused.getContentAsString()).contains("\"code\":\"RANGE_NOT_SATISFIABLE\"");
        }
    }

    @Test
    void whatIsNotOneValidByteRangeGetsTheWholeFile() throws Exception {
        for (String range : new String[]{"bytes=0-99,200-299", "bytes=500-100", "items=0-5", "bytes=a-b", "bytes=-",
                "bytes=5", "0-5"}) {
            MockHttpServletResponse whole = answer(get("/file").header("Range", range));
            assertThat(whole.getStatus()).as(range).isEqualTo(200);
            assertThat(whole.getContentLengthLong()).as(range).isEqualTo(LENGTH);
            assertThat(whole.getHeader("Content-Range")).as(range).isNull();
            assertThat(whole.getContentAsByteArray()).as(range).isEqualTo(BYTES);
        }
    }

    @Test
    void anIfRangeThatIsNotThisFilesETagGetsTheWholeFile() throws Exception {
        for (String stale : new String[]{"\"an-older-version\"", "W/" + ETAG, "Wed, 21 Oct 2015 07:28:00 GMT"}) {
            MockHttpServletResponse whole = answer(get("/file").header("Range", "bytes=0-9").header("If-Range", stale));
            assertThat(whole.getStatus()).as(stale).isEqualTo(200);
            assertThat(whole.getContentAsByteArray()).isEqualTo(BYTES);
        }
        assertThat(answer(get("/file").header("Range", "bytes=0-9").header("If-Range", ETAG)).getStatus()).isEqualTo(206);
    }

    @Test
    void aCopyTheClientHasIsNotSentAgainWhateverRangeItAsks() throws Exception {
        for (String ifNoneMatch : new String[]{ETAG, "W/" + ETAG, "\"other\", " + ETAG, "*"}) {
            MockHttpServletResponse cached = answer(get("/file").header("Range", "bytes=0-9")
                    .header("If-None-Match", ifNoneMatch));
            assertThat(cached.getStatus()).as(ifNoneMatch).isEqualTo(304);
            assertThat(cached.getContentAsByteArray()).isEmpty();
            assertThat(cached.getHeader("ETag")).isEqualTo(ETAG);
        }
        assertThat(answer(get("/file").header("If-None-Match", "\"other\"")).getStatus()).isEqualTo(200);
    }

    @Test
    void headAnswersTheHeadersOfGet() throws Exception {
        MockHttpServletResponse whole = answer(head("/file"));
        assertThat(whole.getStatus()).isEqualTo(200);
        assertThat(whole.getContentLengthLong()).isEqualTo(LENGTH);
        assertThat(whole.getHeader("ETag")).isEqualTo(ETAG);
    }

    private void assertPart(String range, int first, int last) throws Exception {
        MockHttpServletResponse part = answer(get("/file").header("Range", range));
        assertThat(part.getStatus()).as(range).isEqualTo(206);
        assertThat(part.getHeader("Content-Range")).as(range).isEqualTo("bytes " + first + "-" + last + "/" + LENGTH);
        assertThat(part.getContentLengthLong()).as(range).isEqualTo(last - first + 1);
        assertThat(part.getContentAsByteArray()).as(range).isEqualTo(Arrays.copyOfRange(BYTES, first, last + 1));
        assertThat(part.getHeader("Repr-Digest")).as("the digest is of the whole file").isNotNull();
        assertThat(part.getHeader("ETag")).isEqualTo(ETAG);
    }

    private MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
