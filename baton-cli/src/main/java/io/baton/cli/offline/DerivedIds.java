package io.baton.cli.offline;

import io.baton.api.spi.StepContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids that the offline stand-ins hand out ({@code contextId}, {@code planId}, …): name-based UUIDs
 * of the run, the step's path and the kind of thing, so that the same step of the same run always
 * gets the same id, retries included, and nothing random enters a run's outputs.
 */
final class DerivedIds {
  private DerivedIds() {}

  /** The id of the {@code kind} (e.g. {@code "context"}) made by the step of {@code context}. */
  static String of(StepContext context, String kind) {
    String name = context.runId() + "/" + context.path() + "/" + kind;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
