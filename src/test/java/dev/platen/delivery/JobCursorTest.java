package dev.platen.delivery;

import dev.platen.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobCursorTest {

    @Test
    void aCursorComesBackAsItWent() {
        JobCursor cursor = new JobCursor(Instant.parse("2026-11-28T10:15:30.123456Z"), "2f1c7f0e-5b7a-4a57-9a55-0c6f3f8d9e01");
        assertThat(JobCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aMadeUpCursorIsABadParameter() {
        for (String bad : new String[]{"%%%", "bm90IGEgY3Vyc29y", "MjAyNi0xMS0yOFQxMDoxNTozMFp8"}) {
            assertThatThrownBy(() -> JobCursor.decode(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.code()).isEqualTo("BAD_PARAMETER"));
        }
    }
}
