package dev.platen;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries the README's "Where things live" describes, checked on every build: each module declares the
 * modules it may use ({@code @ApplicationModule(allowedDependencies = ...)} in its {@code package-info.java}), and
 * Spring Modulith fails the build on any other dependency, on a cycle, or on a reach into another module's
 * sub-package. The module diagram in {@code docs/modules.puml} is Spring Modulith's drawing of the same model; run
 * with {@code -Dmodules.write=true} to refresh it after a change of boundaries.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(PlatenApplication.class);
    private static final Path DIAGRAM = Path.of("docs/modules.puml");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.platen");

    @Test
    void modulesUseOnlyTheModulesTheyDeclareAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(MODULES.stream().map(ApplicationModule::getBasePackage)
                .map(base -> base.getName())
                .filter(base -> declaration(base) == null).toList())
                .as("modules without @ApplicationModule(allowedDependencies) in their package-info").isEmpty();
    }

    @Test
    void theModuleDiagramInDocsIsTheModelAsBuilt() throws Exception {
        Path written = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults()
                        .withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        String drawn = Files.readString(written.resolve("components.puml"));
        if (Boolean.getBoolean("modules.write")) {
            Files.writeString(DIAGRAM, drawn);
        }
        // the documenter lists modules and arrows in no fixed order: the same lines, in any order, are the same drawing
        assertThat(Files.readString(DIAGRAM).lines().sorted().toList()).as("docs/modules.puml is stale: run"
                + " ModuleStructureTest with -Dmodules.write=true").isEqualTo(drawn.lines().sorted().toList());
    }

    private static org.springframework.modulith.ApplicationModule declaration(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Test
    void onlyTheWorkflowModuleKnowsCamunda() {
        noClasses().that().resideOutsideOfPackage("dev.platen.workflow..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("the process engine is an implementation detail of dev.platen.workflow")
                .check(MAIN);
    }

    @Test
    void routingStaysFreeOfIoAndFrameworks() {
        noClasses().that().resideInAPackage("dev.platen.routing..")
                .and().doNotHaveSimpleName("package-info") // its module declaration is an annotation, not code
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.io..", "java.nio..",
                        "java.net..", "java.sql..")
                .because("tier and lane choice are pure functions")
                .check(MAIN);
    }
}
