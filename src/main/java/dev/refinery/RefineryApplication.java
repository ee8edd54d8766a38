package dev.refinery;

import java.time.Clock;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.SpringProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

/** Flyway runs through {@link dev.refinery.shared.DatabaseMigrations}, which leaves it out when nothing is to be done. */
@SpringBootApplication(exclude = FlywayAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class RefineryApplication {

    public static void main(String[] args) {
        if (SpringProperties.getProperty(AotDetector.AOT_ENABLED) == null && packagedAheadOfTime(RefineryApplication.class)) {
            SpringProperties.setFlag(AotDetector.AOT_ENABLED);
        }
        SpringApplication.run(RefineryApplication.class, args);
    }

    /**
     * A jar whose build ran Spring's AOT processing starts from the bean definitions generated with it, instead of
     * parsing the configuration classes and evaluating their conditions again at every start. Never from a classes
     * folder (spring-boot:run, an IDE): its generated code may be older than the classes compiled since.
     * {@code -Dspring.aot.enabled=false} starts such a jar the slow way.
     */
    static boolean packagedAheadOfTime(Class<?> application) {
        var self = application.getResource(application.getSimpleName() + ".class");
        return self != null && "jar".equals(self.getProtocol())
                && ClassUtils.isPresent(application.getName() + "__ApplicationContextInitializer", application.getClassLoader());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
