package io.baton.engine.expression;

/**
 * A reference from a template or expression to another step's state.
 *
 * @param stepId the referenced step
 * @param text the placeholder or expression it occurs in
 * @param position the 0-based offset of the reference within {@code text}
 */
public record Reference(String stepId, String text, int position) {}
