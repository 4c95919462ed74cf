package io.baton.server.workflow;

import java.util.Map;

/**
 * A step type as the editor's palette and property panel need it.
 *
 * @param type the type as written in definitions
 * @param category {@code control}, {@code flow}, {@code action}, {@code agent}, {@code human},
 *     {@code data} or {@code module}
 * @param label the name shown, by language ({@code en}, {@code zh}, {@code ja})
 * @param description a sentence, by language
 * @param icon an icon name
 * @param configSchema a self-contained JSON Schema of the step's fields
 * @param composite whether the step holds other steps (branches, bodies)
 */
public record NodeType(
    String type,
    String category,
    Map<String, String> label,
    Map<String, String> description,
    String icon,
    Map<String, Object> configSchema,
    boolean composite) {}
