package dev.platen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatenApplication {

    /**
     * The time every module records and measures by (order history, approvals, rule-set readings, leases, links,
     * webhook timestamps): one clock, so a test that puts its own first moves them all together.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(PlatenApplication.class, args);
    }
}
