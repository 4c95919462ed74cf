package io.baton.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules that keep the CLI testable in-process and its stand-ins contained. */
class CliArchitectureTest {
  private static final JavaClasses CLI =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.baton.cli");

  @Test
  void onlyTheTerminalTouchesTheProcessStreams() {
    noClasses()
        .that()
        .doNotHaveSimpleName("Terminal")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .accessField(System.class, "in")
        .because("commands write to the Terminal they are given, so tests can capture them")
        .check(CLI);
  }

  @Test
  void onlyTheLauncherExitsTheJvm() {
    noClasses()
        .that()
        .doNotHaveSimpleName("BatonCli")
        .should()
        .callMethod(System.class, "exit", int.class)
        .check(CLI);
  }

  @Test
  void theOfflineStandInsKnowNothingOfTheCommands() {
    noClasses()
        .that()
        .resideInAPackage("io.baton.cli.offline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.baton.cli", "io.baton.cli.run..", "io.baton.cli.progress..", "picocli..")
        .check(CLI);
  }
}
