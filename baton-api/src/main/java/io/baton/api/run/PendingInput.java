package io.baton.api.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A question a run is waiting for a person to answer.
 *
 * @param waitId the id to answer with ({@code submitInput(waitId, value)})
 * @param runId the run
 * @param path the human step's path
 * @param prompt the question
 * @param form a JSON Schema of the expected answer
 * @param assignees who may answer
 * @param deadline when the step gives up, or null
 */
public record PendingInput(
    String waitId,
    String runId,
    String path,
    String prompt,
    Map<String, Object> form,
    List<String> assignees,
    Instant deadline) {}
