package io.tongban.routes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tongban Bus: the unified API and shared base over the departments' line systems. */
@SpringBootApplication(scanBasePackages = "io.tongban")
@ConfigurationPropertiesScan
public class BusApplication {

    public static void main(String[] args) {
        SpringApplication.run(BusApplication.class, args);
    }
}
