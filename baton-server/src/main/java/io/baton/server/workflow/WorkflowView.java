package io.baton.server.workflow;

import java.time.Instant;
import java.util.Map;

/**
 * A version of a workflow as the API returns it.
 *
 * @param id the workflow's id
 * @param name its name
 * @param description its description
 * @param version the version shown
 * @param status {@code draft} or {@code published}
 * @param sourceFormat the format it was written in ({@code baton}, {@code mplp-workflow}, …)
 * @param definition the definition in Baton's language, as JSON
 * @param createdAt when the workflow was created
 * @param updatedAt when it last changed
 */
public record WorkflowView(
    String id,
    String name,
    String description,
    String version,
    String status,
    String sourceFormat,
    Map<String, Object> definition,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * A line of the workflow listing.
   *
   * @param id the workflow's id
   * @param name its name
   * @param description its description
   * @param latestVersion the newest version
   * @param publishedVersion the newest published version, or null
   * @param updatedAt when it last changed
   */
  public record Summary(
      String id,
      String name,
      String description,
      String latestVersion,
      String publishedVersion,
      Instant updatedAt) {

    static Summary of(WorkflowEntry e) {
      return new Summary(
          e.id(),
          e.name(),
          e.description(),
          Integer.toString(e.latestVersion()),
          e.publishedVersion() == null ? null : e.publishedVersion().toString(),
          e.updatedAt());
    }
  }
}
