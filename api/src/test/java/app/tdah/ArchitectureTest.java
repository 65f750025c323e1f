package app.tdah;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules ARCHITECTURE.md describes: the packages under {@code app.tdah} form a tree, the transport
 * ({@code graphql}, {@code web}) sits above the features, and the domain (services, repositories) speaks neither.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("app.tdah");
    }

    @Test
    void packagesFormATreeWithoutCycles() {
        slices().matching("app.tdah.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** A class declared in a file whose (top-level) class name ends with {@code suffix}, nested classes included. */
    private static DescribedPredicate<JavaClass> declaredIn(String suffix) {
        return DescribedPredicate.describe("declared in a *" + suffix + " file", c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getSimpleName().endsWith(suffix);
        });
    }

    @Test
    void onlyGraphQlWiringAndFeatureFactoriesUseTheGraphQlPackage() {
        noClasses().that().resideOutsideOfPackages("app.tdah.graphql..", "app.tdah.wiring..", "app.tdah")
                .and(DescribedPredicate.not(declaredIn("GraphQl")))
                .and(DescribedPredicate.not(declaredIn("Feature")))
                .should().dependOnClassesThat().resideInAPackage("app.tdah.graphql..")
                .because("features speak GraphQL only in their *GraphQl classes; the domain is transport-neutral")
                .check(classes);
    }

    @Test
    void servicesAndRepositoriesSpeakNeitherGraphQlNorHttp() {
        noClasses().that().haveSimpleNameEndingWith("Service").and().haveSimpleNameNotEndingWith("HttpService")
                .or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("app.tdah.graphql..", "app.tdah.web..",
                        "graphql..", "io.helidon.webserver..", "io.helidon.http..")
                .check(classes);
    }

    @Test
    void infrastructureKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("app.tdah.platform..", "app.tdah.web..", "app.tdah.identity..",
                        "app.tdah.errors..", "app.tdah.paging..", "app.tdah.audit..", "app.tdah.graphql..",
                        "app.tdah.i18n..")
                .should().dependOnClassesThat().resideInAnyPackage("app.tdah.accounts..", "app.tdah.tasks..",
                        "app.tdah.sms..", "app.tdah.ical..", "app.tdah.mail..", "app.tdah.oidc..", "app.tdah.mfa..",
                        "app.tdah.reminders..", "app.tdah.planner..", "app.tdah.capture..", "app.tdah.admin..",
                        "app.tdah.myaccount..", "app.tdah.notifications..", "app.tdah.insights..", "app.tdah.focus..", "app.tdah.digest..",
                        "app.tdah.integrations..")
                .check(classes);
    }

    /** scripts/capture-eval and bench/capture-fuzz compile the parser from these two packages alone, with javac. */
    @Test
    void theCaptureParserCompilesOnItsOwn() {
        noClasses().that().resideInAnyPackage("app.tdah.capture..", "app.tdah.i18n..")
                .should().dependOnClassesThat().resideOutsideOfPackages("app.tdah.capture..", "app.tdah.i18n..", "java..")
                .check(classes);
    }
}
