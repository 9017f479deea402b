package dev.agentlocator.telephony;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.agentlocator.testkit.SqlInRepositories;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ADR 0023: SQL lives only in {@code *Repository} classes; ADR 0022: a repository belongs to its
 * own package, and another feature asks that package's service.
 */
class SqlInRepositoriesTest {

    @Test
    void onlyRepositoriesHoldSql() {
        SqlInRepositories.check("dev.agentlocator.telephony", Set.of());
    }

    @Test
    void aRepositoryIsUsedOnlyInItsOwnPackage() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Repository")
                .should()
                .notBePublic()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.agentlocator.telephony"));
    }
}
