package dev.refinery;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(RefineryApplication.class);

    @Test
    void keepsModulesWithinTheirAllowedDependencies() {
        modules.verify();
    }

    @Test
    void hasTheModulesOfTheArchitecture() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
            .contains("identity", "live", "shared");
    }
}
