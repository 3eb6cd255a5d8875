package dev.platen.workflow;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job's lock outlasts the longest job, as shipped (a webhook delivery: its connect and answer timeouts and its
 * writes), and is short enough that a dead node's jobs are taken up within a minute; the file steps' locks are
 * renewed while they run, so they are not bound by it.
 */
class JobLockTimeTest {

    @Test
    void theShippedLockOutlastsAWebhookDeliveryAndEndsWithinAMinuteOnEitherDatabase() throws Exception {
        for (String profile : new String[]{"application.yml", "application-postgres.yml"}) {
            StandardEnvironment env = new StandardEnvironment();
            // read as Spring Boot reads them ("PT10S" a Duration)
            env.setConversionService(
                    (org.springframework.core.convert.support.ConfigurableConversionService)
                            org.springframework.boot.convert.ApplicationConversionService.getSharedInstance());
            env.getPropertySources().addFirst(new YamlPropertySourceLoader()
                    .load("base", new ClassPathResource("application.yml")).get(0));
            env.getPropertySources().addFirst(new YamlPropertySourceLoader()
                    .load(profile, new ClassPathResource(profile)).get(0));
            Duration lock = Duration.ofMillis(
                    env.getProperty("camunda.bpm.job-execution.lock-time-in-millis", Long.class, 300_000L));
            JobLockTime shipped = new JobLockTime(lock,
                    env.getProperty("platen.delivery.webhook-connect-timeout", Duration.class)
                            .plus(env.getProperty("platen.delivery.webhook-timeout", Duration.class)));
            assertThat(shipped.outlastsJobs()).as(profile).isTrue();
            assertThat(lock).as(profile + ": a dead node's jobs").isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(env.getProperty("platen.workers.lock", Duration.class)).as(profile + ": a dead node's steps")
                    .isLessThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void aLockNoLongerThanAWebhookDeliveryAndItsWritesIsSaidToBeShort() {
        Duration call = Duration.ofSeconds(15);
        assertThat(new JobLockTime(Duration.ofSeconds(15), call).outlastsJobs()).isFalse();
        assertThat(new JobLockTime(call.plus(JobLockTime.MARGIN), call).outlastsJobs()).isFalse();
        assertThat(new JobLockTime(Duration.ofSeconds(60), call).outlastsJobs()).isTrue();
    }
}
