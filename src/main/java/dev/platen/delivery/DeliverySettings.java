package dev.platen.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How partner delivery behaves ({@code platen.delivery}).
 *
 * @param lease              how long a claim holds a job before another worker may take it
 * @param linkLifetime       how long a signed download link is valid when the partner does not say
 * @param linkMaxLifetime    the longest a signed link may be valid for
 * @param linkSigningKey     the HMAC key of signed links; anyone who has it can mint links
 * @param webhookConnectTimeout how long to wait for the partner's server to accept the connection
 * @param webhookTimeout     how long to wait for its answer
 * @param webhookRetryCycle  Camunda's {@code failedJobRetryTimeCycle} for webhook delivery: a comma-separated list
 *                           of waits (back-off), or {@code R<n>/<duration>}; after it an incident is raised
 */
@ConfigurationProperties("platen.delivery")
public record DeliverySettings(@DefaultValue("PT15M") Duration lease,
                               @DefaultValue("PT24H") Duration linkLifetime,
                               @DefaultValue("P7D") Duration linkMaxLifetime,
                               String linkSigningKey,
                               @DefaultValue("PT5S") Duration webhookConnectTimeout,
                               @DefaultValue("PT10S") Duration webhookTimeout,
                               @DefaultValue("PT10S,PT1M,PT5M,PT30M,PT2H,PT6H") String webhookRetryCycle) {

    /** Links may never outlive a week, whatever the configuration says (the limit). */
    static final Duration LONGEST_LINK = Duration.ofDays(7);

    public DeliverySettings {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalStateException("platen.delivery.lease must be positive, not " + lease);
        }
        if (linkMaxLifetime.compareTo(LONGEST_LINK) > 0) {
            throw new IllegalStateException("platen.delivery.link-max-lifetime: at most " + LONGEST_LINK);
        }
        if (linkLifetime.isNegative() || linkLifetime.isZero() || linkLifetime.compareTo(linkMaxLifetime) > 0) {
            throw new IllegalStateException("platen.delivery.link-lifetime must be positive and at most "
                    + linkMaxLifetime);
        }
        if (linkSigningKey == null || linkSigningKey.length() < 32) {
            throw new IllegalStateException("platen.delivery.link-signing-key: at least 32 characters "
                    + "(e.g. `openssl rand -hex 32`)");
        }
    }
}
