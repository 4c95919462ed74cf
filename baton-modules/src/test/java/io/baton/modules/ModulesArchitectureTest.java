package io.baton.modules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of CONVENTIONS.md for this module ({@code api ← engine ← modules ← {server,
 * cli}}): the modules use the API and the engine, never a store adapter, the AI module, the server,
 * the CLI or a framework. (baton-test's ArchitectureTest cannot see this module: it would make a
 * cycle in the build.)
 */
class ModulesArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.baton.modules");

  @Test
  void theModulesDependOnTheApiAndTheEngineOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.baton.modules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.baton.store..",
            "io.baton.ai..",
            "io.baton.server..",
            "io.baton.cli..",
            "io.baton.bench..",
            "io.baton.test..",
            "org.springframework..",
            "jakarta.inject..")
        .check(CLASSES);
  }

  @Test
  void theSpiAndStoreDoNotReachIntoTheModulesOrTheHubInternals() {
    noClasses()
        .that()
        .resideInAnyPackage("io.baton.modules.store..", "io.baton.modules.mplp..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.baton.modules.internal..",
            "io.baton.modules.context..",
            "io.baton.modules.plan..",
            "io.baton.modules.confirm..",
            "io.baton.modules.trace..")
        .check(CLASSES);
  }
}
