package com.contoso.linkedin.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.AuditEntry;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The layers' dependency rules, checked on the compiled main classes: the rules know no framework,
 * storage knows no HTTP or Lambda, the use cases know neither HTTP, Lambda nor AWS. (ArchUnit's
 * core API from plain Jupiter tests: its own JUnit engine is not run by this Surefire.)
 */
class ArchitectureTest {
    /** The compiled main classes, read from where they are (not by scanning every jar of the class path). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .importPath(classesDirectoryOf(AuditEntry.class));

    /** Where a class was loaded from: target/classes or target/test-classes. */
    static Path classesDirectoryOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void domain_dependsOnNothingOfTheProject_norOnAnyFramework() {
        noClasses().that().resideInAPackage("..linkedin.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages("..linkedin.domain..", "java..")
                .check(MAIN);
    }

    @Test
    void store_dependsNeitherOnRestNorOnLambda() {
        noClasses().that().resideInAPackage("..linkedin.store..")
                .should().dependOnClassesThat().resideInAnyPackage("..linkedin.rest..", "..linkedin.lambda..")
                .check(MAIN);
    }

    @Test
    void services_dependNeitherOnRestLambdaAwsNorJaxRs() {
        noClasses().that().resideInAPackage("..linkedin.service..")
                .should().dependOnClassesThat().resideInAnyPackage("..linkedin.rest..", "..linkedin.lambda..",
                        "com.amazonaws..", "software.amazon..", "jakarta.ws.rs..", "org.jboss.resteasy..")
                .check(MAIN);
    }

    @Test
    void rest_dependsNotOnLambda() {
        noClasses().that().resideInAPackage("..linkedin.rest..")
                .should().dependOnClassesThat().resideInAPackage("..linkedin.lambda..")
                .check(MAIN);
    }

    @Test
    void identity_dependsOnNoAdapterNorUseCase() {
        noClasses().that().resideInAPackage("..linkedin.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("..linkedin.rest..", "..linkedin.lambda..",
                        "..linkedin.service..", "..linkedin.store..")
                .check(MAIN);
    }

    /**
     * rest/openapi is read only when the OpenAPI document is generated and left out of function.zip:
     * other code may use its constants (inlined by the compiler), never the classes themselves.
     */
    @Test
    void theOpenApiDocumentsClasses_areUsedByNothingThatRuns() {
        noClasses().that().resideOutsideOfPackage("..linkedin.rest.openapi..")
                .should().dependOnClassesThat().resideInAPackage("..linkedin.rest.openapi..")
                .check(MAIN);
    }

    @Test
    void events_dependOnlyOnTheDomain_andTheStoresChangeRecords() {
        // Which events a change publishes is a pure function: no AWS type, no JSON library.
        classes().that().resideInAPackage("..linkedin.events..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("..linkedin.events..", "..linkedin.domain..", "java..")
                        .or(nameStartingWith("com.contoso.linkedin.store.StoredChange")))
                .check(MAIN);
    }

    @Test
    void theRulesFindTheirClasses() {
        // A rule over an empty package holds vacuously: make sure the import saw the layers.
        for (String layer : new String[] { "domain", "service", "store", "rest", "lambda", "identity", "events" }) {
            org.junit.jupiter.api.Assertions.assertTrue(MAIN.stream()
                    .anyMatch(c -> c.getPackageName().startsWith("com.contoso.linkedin." + layer)), layer);
        }
    }
}
