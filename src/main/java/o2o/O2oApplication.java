package o2o;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class O2oApplication {

    public static void main(String[] args) {
        var app = new SpringApplication(O2oApplication.class);
        // `--demo` on the command line is the one-flag way to a browsable product: demo data plus the dev inbox.
        if (Arrays.asList(args).contains("--demo")) {
            app.setAdditionalProfiles("demo");
        }
        app.run(args);
    }
}
