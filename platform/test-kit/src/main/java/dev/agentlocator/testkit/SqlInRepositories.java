package dev.agentlocator.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;

/**
 * The persistence rule of ADR 0023, for a service's own tests: SQL (Spring's JDBC API, {@code
 * JdbcClient} above all) is used only in classes named {@code …Repository}, so a reader looking for a
 * table's queries finds them by name.
 */
public final class SqlInRepositories {

    private static final String JDBC = "org.springframework.jdbc..";

    /**
     * Checks every production class under {@code rootPackage}; {@code notYetMoved} names (simple
     * names) classes that still hold SQL and are known to be moving, so the rule holds for the rest.
     */
    public static void check(String rootPackage, Set<String> notYetMoved) {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
        noClasses()
                .that()
                .resideInAPackage(rootPackage + "..")
                .and(DescribedPredicate.not(repository(notYetMoved)))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(JDBC)
                .because(
                        "SQL lives only in *Repository classes (docs/adr/0023-persistence-jdbcclient-in-repositories.md)")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> repository(Set<String> notYetMoved) {
        return DescribedPredicate.describe("a *Repository class", javaClass -> {
            String name = outermost(javaClass).getSimpleName();
            return name.endsWith("Repository") || notYetMoved.contains(name);
        });
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    private SqlInRepositories() {}
}
