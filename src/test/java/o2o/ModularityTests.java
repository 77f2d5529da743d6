package o2o;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(O2oApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void theModuleMapIsTheOneTheReadmeDescribes() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "identity", "notifications", "merchants", "demo");
    }

    /**
     * Diagrams and module canvases into target/spring-modulith-docs. Not the module metadata file: the application
     * would read it at start-up in place of detecting the modules, and it goes stale as soon as a module is added.
     */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
