package o2o;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
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

    /**
     * The README's module table names every module, and each row's "may use" column is exactly what the module's
     * package-info allows: a new module fails here until it is declared and described.
     */
    @Test
    void theModuleMapIsTheOneTheReadmeDescribes() throws Exception {
        var readme = readmeModuleTable();
        var names = modules.stream().map(m -> m.getIdentifier().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(readme.keySet()).as("modules in the README's module table").isEqualTo(names);
        for (var name : names) {
            assertThat(readme.get(name)).as("what the README says module %s may use", name)
                    .isEqualTo(allowed(name));
        }
    }

    /** An allowed dependency nobody uses is a door left open: each module allows exactly what it uses. */
    @Test
    void everyAllowedDependencyIsUsed() throws Exception {
        for (var module : modules) {
            var name = module.getIdentifier().toString();
            var used = module.getDirectDependencies(modules).uniqueModules()
                    .map(m -> m.getIdentifier().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            var allowed = allowed(name);
            if (allowed.isEmpty()) {
                assertThat(used).as("module %s declares no dependencies, so it may use none", name).isEmpty();
            }
            allowed.remove("shared");
            used.remove("shared");
            assertThat(allowed).as("dependencies module %s allows (package-info) but does not use", name)
                    .isSubsetOf(used);
        }
    }

    private static Set<String> allowed(String module) throws ClassNotFoundException {
        var annotation = Class.forName("o2o." + module + ".package-info").getAnnotation(ApplicationModule.class);
        var declared = annotation == null ? new TreeSet<String>()
                : new TreeSet<>(Arrays.asList(annotation.allowedDependencies()));
        // Modulith's "not declared" marker: the kernel declares nothing and, as checked above, uses nothing
        declared.remove(ApplicationModule.OPEN_TOKEN);
        return declared;
    }

    /** The rows of the README's "## Modules" table: module to the modules in its last column ("—" for none). */
    private static Map<String, Set<String>> readmeModuleTable() throws Exception {
        var lines = Files.readAllLines(Path.of("README.md"));
        var start = lines.indexOf("## Modules");
        assertThat(start).as("a ## Modules section in README.md").isNotNegative();
        var table = new TreeMap<String, Set<String>>();
        for (var line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (!line.startsWith("| `")) continue;
            var cells = line.split("\\|");
            var name = cells[1].strip().replace("`", "");
            var uses = cells[cells.length - 1].strip();
            table.put(name, uses.equals("—") ? new TreeSet<>()
                    : Arrays.stream(uses.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
        }
        return table;
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
