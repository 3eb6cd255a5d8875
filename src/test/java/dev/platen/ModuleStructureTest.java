package dev.platen;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries the README's "Where things live" describes, checked on every build. */
class ModuleStructureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.platen");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(PlatenApplication.class).verify();
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
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.io..", "java.nio..",
                        "java.net..", "java.sql..")
                .because("tier and lane choice are pure functions")
                .check(MAIN);
    }
}
