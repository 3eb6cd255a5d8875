package dev.platen.workflow;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's lock outlasts its step's time limit, as shipped: a slow render is not started twice. */
class JobLockTimeTest {

    @Test
    void theShippedLockOutlastsTheShippedStepLimitOnEitherDatabase() throws Exception {
        for (String profile : new String[]{"application.yml", "application-postgres.yml"}) {
            StandardEnvironment env = new StandardEnvironment();
            // read as Spring Boot reads them ("5m" a Duration)
            env.setConversionService(
                    (org.springframework.core.convert.support.ConfigurableConversionService)
                            org.springframework.boot.convert.ApplicationConversionService.getSharedInstance());
            env.getPropertySources().addFirst(new YamlPropertySourceLoader()
                    .load("base", new ClassPathResource("application.yml")).get(0));
            env.getPropertySources().addFirst(new YamlPropertySourceLoader()
                    .load(profile, new ClassPathResource(profile)).get(0));
            JobLockTime shipped = new JobLockTime(
                    env.getProperty("camunda.bpm.job-execution.lock-time-in-millis", Long.class, 300_000L),
                    env.getProperty("platen.orders.step-time-limit", Duration.class));
            assertThat(shipped.outlastsSteps()).as(profile).isTrue();
        }
    }

    @Test
    void aLockNoLongerThanAStepIsSaidToBeShort() {
        assertThat(new JobLockTime(300_000, Duration.ofMinutes(5)).outlastsSteps()).isFalse();
        assertThat(new JobLockTime(30_000, Duration.ofMinutes(5)).outlastsSteps()).isFalse();
        assertThat(new JobLockTime(360_000, Duration.ofMinutes(5)).outlastsSteps()).isTrue();
    }
}
