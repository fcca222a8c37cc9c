package com.contoso.linkedin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The suite runs its test classes on two threads (pom.xml): what must not run beside another class
 * says so. Quarkus runs one application at a time (its classes run one after another, SAME_THREAD);
 * System.out and system properties are the whole JVM's (a plain class that changes them runs
 * alone, {@code @Isolated}). A Quarkus class cannot leave Quarkus' order to run alone (its
 * application would be closed by then): RequestLogTest, which captures System.out, runs beside
 * plain tests, none of which writes to System.out or reads the property it sets.
 */
class TestSuiteRulesTest {
    private static final JavaClasses TESTS = new ClassFileImporter()
            .importPath(ArchitectureTest.classesDirectoryOf(TestSuiteRulesTest.class));

    private static final DescribedPredicate<JavaAnnotation<?>> SAME_THREAD = DescribedPredicate.describe(
            "@Execution(SAME_THREAD)", annotation -> annotation.getRawType().isEquivalentTo(Execution.class)
                    && annotation.get("value").filter(JavaEnumConstant.class::isInstance).map(JavaEnumConstant.class::cast)
                            .map(mode -> mode.name().equals(ExecutionMode.SAME_THREAD.name())).orElse(false));

    private static final Set<String> PROCESS_WIDE = Set.of("setOut", "setErr", "setIn", "setProperty", "clearProperty");

    @Test
    void quarkusTests_runOneAfterAnother() {
        classes().that().areAnnotatedWith(QuarkusTest.class).should().beAnnotatedWith(SAME_THREAD).check(TESTS);
    }

    @Test
    void plainTestsThatChangeTheWholeJvm_runAlone() {
        DescribedPredicate<JavaClass> changesTheJvm = DescribedPredicate.describe("set System.out or system properties",
                test -> test.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTargetOwner()
                        .isEquivalentTo(System.class) && PROCESS_WIDE.contains(call.getName())));
        classes().that().haveSimpleNameEndingWith("Test").and(changesTheJvm).and().areNotAnnotatedWith(QuarkusTest.class)
                .should().beAnnotatedWith(Isolated.class).check(TESTS);
    }
}
