package io.baton.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of CONVENTIONS.md ({@code api ← engine ← {stores, ai, modules} ← {server,
 * cli}}, no framework in the engine) and "time is an input": no wall clock or randomness in the
 * engine outside the injected defaults of {@code io.baton.engine.time}.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.baton");
  }

  @Test
  void theApiDependsOnNothingButTheJdk() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.baton.api..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("io.baton.api..", "java..");
    rule.check(classes);
  }

  @Test
  void theEngineDependsOnNoOuterLayerAndNoFramework() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.baton.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                "io.baton.store..",
                "io.baton.ai..",
                "io.baton.modules..",
                "io.baton.server..",
                "io.baton.cli..",
                "io.baton.bench..",
                "io.baton.test..",
                "org.springframework..",
                "jakarta.inject..",
                "com.google.inject..");
    rule.check(classes);
  }

  @Test
  void theEngineReadsNoWallClockAndDrawsNoRandomNumbers() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.baton.engine..")
            .and()
            .resideOutsideOfPackage("io.baton.engine.time..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(java.util.UUID.class, "randomUUID")
            .orShould()
            .callMethod(Math.class, "random")
            .orShould()
            .callMethod(java.time.LocalDateTime.class, "now")
            .orShould()
            .callMethod(java.time.Clock.class, "systemUTC")
            .orShould()
            .callConstructor(java.util.Random.class)
            .orShould()
            .callConstructor(java.security.SecureRandom.class)
            .because("time and randomness are inputs of the engine (CONVENTIONS.md §16)");
    rule.check(classes);
  }

  @Test
  void theEngineLogsThroughSlf4jOnly() {
    noClasses()
        .that()
        .resideInAnyPackage("io.baton.engine..", "io.baton.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.slf4j.simple..", "ch.qos.logback..", "org.apache.logging.log4j..")
        .check(classes);
  }
}
