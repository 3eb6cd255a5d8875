package dev.platen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatenApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlatenApplication.class, args);
    }
}
