package org.dotchain.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages depend on each other in one direction only: a feature that must tell another of something
 * publishes an event or writes to the outbox (package messaging), and the platform knows no feature. Only the
 * partners' connectors (integration), the operators' dead-letter tools (operations) and the platform touch a
 * transport; a business feature sends through the outbox.
 */
@AnalyzeClasses(packages = "org.dotchain.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureDependenciesTest {

    @ArchTest
    static final ArchRule featuresFormNoCycle = slices().matching("org.dotchain.hub.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule businessFeaturesReachNoTransport = noClasses()
            .that().resideInAnyPackage("..hub.access..", "..hub.budget..", "..hub.cart..", "..hub.catalog..",
                    "..hub.suppliers..", "..hub.ordering..", "..hub.delivery..", "..hub.settlement..",
                    "..hub.signing..", "..hub.audit..", "..hub.ratings..", "..hub.reports..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.jms..", "org.springframework.jms..",
                    "org.apache.activemq..", "org.apache.cxf..", "org.apache.camel.component..",
                    "org.apache.hc..", "java.net.http..")
            .because("a feature's messages leave through the outbox, and the connectors carry them");
}
