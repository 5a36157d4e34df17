package dev.threadlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of ThreadLab depend on each other in one direction only: no cycles between the packages right under
 * {@code dev.threadlab} (each has one job, see its package-info), and the run API knows nothing of grading or
 * submissions (grading uses run's sandbox lanes, not the other way round). Plain JUnit on the compiled classes, no
 * Quarkus, so it takes a second.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.threadlab");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("dev.threadlab.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void runDoesNotDependOnGradingOrSubmissions() {
        noClasses().that().resideInAPackage("dev.threadlab.run..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.threadlab.grading..", "dev.threadlab.submission..").check(classes);
    }
}
