package dev.agentlocator.testkit;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The suite's one rule on package structure (ADR 0022): below a module's root package, each
 * top-level package may use others only one way round, never in a loop (directly or through a
 * third). Every module's tests call it for its own root, so a loop fails the build where it was
 * written.
 */
public final class PackageCycles {

    /**
     * Fails, naming each loop and the classes that close it, when two packages under {@code
     * rootPackage} (e.g. {@code dev.agentlocator.crm}) depend on each other. Production classes
     * only: tests may reach across packages.
     */
    public static void assertFreeOfCycles(String rootPackage) {
        check(
                rootPackage,
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(rootPackage));
    }

    static void check(String rootPackage, JavaClasses classes) {
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(rootPackage + ".")))
                .as("classes in packages below %s", rootPackage)
                .isNotEmpty();
        slices().matching(rootPackage + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    private PackageCycles() {}
}
