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

    /**
     * The application reads the module list the build wrote (META-INF/spring-modulith/application-modules.json) in
     * place of scanning at start-up; that list must name every module, or a new module's migrations would be skipped.
     */
    @Test
    void theBuildsModuleListNamesEveryModule() throws Exception {
        var resource = getClass().getResource("/META-INF/spring-modulith/application-modules.json");
        assertThat(resource).as("module list written by the build").isNotNull();
        var written = new String(resource.openStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        modules.forEach(module -> assertThat(written)
                .as("module %s in the build's module list; rebuild with ./mvnw clean verify", module.getIdentifier())
                .contains("\"" + module.getIdentifier() + "\" : {"));
    }

    @Test
    void theModuleMapIsTheOneTheReadmeDescribes() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("shared", "identity", "notifications", "merchants", "deals", "coupons", "payments", "orders",
                        "vouchers", "ledger", "loyalty", "wallet", "demo");
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
