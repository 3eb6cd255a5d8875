package dev.platen.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** The time leases, links and webhook timestamps are measured by; a test may put its own clock first. */
    @Bean
    Clock deliveryClock() {
        return Clock.systemUTC();
    }
}
