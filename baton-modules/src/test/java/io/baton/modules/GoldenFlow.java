package io.baton.modules;

import io.baton.modules.mplp.invariant.InvariantSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One MPLP golden flow as shipped in {@code tests/golden/flows/}: its {@code input/} and {@code
 * expected/} documents by scope ({@code context}, {@code plan}, …) and its invariants.
 *
 * @param name the flow's directory name, e.g. {@code flow-05-single-agent-confirm-required}
 * @param input the input documents by scope
 * @param expected the expected documents by scope
 * @param invariants its {@code invariants.yaml}
 */
record GoldenFlow(
    String name, Map<String, Object> input, Map<String, Object> expected, InvariantSet invariants) {
  /** Where the flows are, as copied into the test resources. */
  static final Path FLOWS = Path.of("src/test/resources/mplp/golden/flows");

  /**
   * FLOW-01 has no {@code invariants.yaml}: its README (§5.1) lists the global invariants of {@code
   * tests/golden/invariants/}, which the MPLP package does not ship; they are transcribed here.
   */
  static final Path FLOW_01_GLOBAL =
      Path.of("src/test/resources/mplp/golden/flow-01-global-invariants.yaml");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The flows that have {@code expected/} documents, by name. */
  static List<String> names() {
    try (Stream<Path> dirs = Files.list(FLOWS)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("expected")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the flow {@code name}. */
  static GoldenFlow load(String name) {
    Path dir = FLOWS.resolve(name);
    Path invariants = dir.resolve("invariants.yaml");
    Path rules = Files.exists(invariants) ? invariants : FLOW_01_GLOBAL;
    try {
      return new GoldenFlow(
          name,
          documents(dir.resolve("input")),
          documents(dir.resolve("expected")),
          InvariantSet.read(rules.toString(), Files.newInputStream(rules)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON document of the MPLP package, as maps and lists. */
  static Map<String, Object> json(Path file) {
    try {
      return JSON.readValue(Files.readString(file), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> documents(Path dir) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .sorted()
          .forEach(f -> out.put(f.getFileName().toString().replace(".json", ""), json(f)));
    }
    return out;
  }
}
