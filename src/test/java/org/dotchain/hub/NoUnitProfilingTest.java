package org.dotchain.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;

/**
 * The hub stores nothing about a unit's size, staffing or location, and no delivery address: delivery places are
 * agreed between the unit and the manufacturer. This fails the build when an entity grows such a field.
 */
@AnalyzeClasses(packages = "org.dotchain.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class NoUnitProfilingTest {

    static final String FORBIDDEN = "(?i).*(address|location|latitude|longitude|coordinate|geo|position|deploy"
            + "|garrison|headcount|strength|staff|personnel|manpower|size|troop|soldier).*";

    @ArchTest
    static final ArchRule entitiesHoldNoSizeStaffingOrLocation = noFields()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Entity.class)
            .should().haveNameMatching(FORBIDDEN)
            .because("the hub must not collect a unit's size, staffing or location, nor delivery addresses");
}
