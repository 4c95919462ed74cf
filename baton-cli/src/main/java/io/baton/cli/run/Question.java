package io.baton.cli.run;

import java.util.Map;

/**
 * A human step waiting for an answer.
 *
 * @param waitId the id to answer it by
 * @param path the step's display path (prefixed by the subworkflow step for steps of child runs)
 * @param stepId the step's id
 * @param prompt the question
 * @param form a JSON Schema of the expected answer (empty: any value)
 */
public record Question(
    String waitId, String path, String stepId, String prompt, Map<String, Object> form) {}
