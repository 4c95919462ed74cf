package io.baton.cli;

import io.baton.api.definition.StepDef;
import io.baton.api.definition.SubworkflowStep;
import io.baton.api.definition.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the workflows that {@code subworkflow} steps run, so that {@code baton run} can register
 * them with its engine. A step {@code workflow: review} is looked for in each directory searched
 * (the run file's own, then every {@code --workflows DIR}): first in {@code review.yaml}, {@code
 * review.yml} or {@code review.json}, then in any workflow file there whose {@code id} is {@code
 * review}. Children's own subworkflows are found the same way.
 */
final class SubworkflowLibrary {
  private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

  private final WorkflowFiles files;
  private final List<Path> directories;
  private Map<String, Loaded<WorkflowDefinition>> index;

  /** What was found. */
  record Resolution(List<WorkflowDefinition> workflows, List<String> problems) {}

  /**
   * @param files how files are read
   * @param directories where to look, in order
   */
  SubworkflowLibrary(WorkflowFiles files, List<Path> directories) {
    this.files = files;
    this.directories = List.copyOf(directories);
  }

  /**
   * Every workflow that {@code root} runs as a subworkflow, directly or not, and what could not be
   * found.
   */
  Resolution resolve(WorkflowDefinition root) {
    Map<String, WorkflowDefinition> found = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Deque<SubworkflowStep> pending = new ArrayDeque<>(references(root));
    while (!pending.isEmpty()) {
      SubworkflowStep step = pending.pop();
      String id = step.workflow();
      if (id == null || id.equals(root.id()) || found.containsKey(id)) {
        continue;
      }
      Loaded<WorkflowDefinition> child = locate(id);
      if (child == null) {
        problems.add(
            "step '"
                + step.id()
                + "' runs subworkflow '"
                + id
                + "', which is in none of "
                + directories
                + "; put a file with 'id: "
                + id
                + "' there or pass --workflows DIR");
      } else if (!child.ok()) {
        problems.addAll(child.errors());
      } else {
        found.put(id, child.value());
        pending.addAll(references(child.value()));
      }
    }
    return new Resolution(List.copyOf(found.values()), problems);
  }

  private Loaded<WorkflowDefinition> locate(String id) {
    for (Path dir : directories) {
      for (String extension : EXTENSIONS) {
        Path candidate = dir.resolve(id + extension);
        if (Files.isRegularFile(candidate)) {
          return files.load(candidate);
        }
      }
    }
    return index().get(id);
  }

  private Map<String, Loaded<WorkflowDefinition>> index() {
    if (index == null) {
      index = new LinkedHashMap<>();
      for (Path dir : directories) {
        for (Path file : workflowFiles(dir)) {
          Loaded<WorkflowDefinition> loaded = files.load(file);
          if (loaded.ok()) {
            index.putIfAbsent(loaded.value().id(), loaded);
          }
        }
      }
    }
    return index;
  }

  private static List<Path> workflowFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(f -> EXTENSIONS.stream().anyMatch(e -> f.getFileName().toString().endsWith(e)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<SubworkflowStep> references(WorkflowDefinition definition) {
    List<SubworkflowStep> out = new ArrayList<>();
    for (StepDef step : definition.allSteps()) {
      if (step instanceof SubworkflowStep s) {
        out.add(s);
      }
    }
    return out;
  }
}
