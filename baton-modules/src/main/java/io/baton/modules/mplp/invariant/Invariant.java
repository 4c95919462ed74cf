package io.baton.modules.mplp.invariant;

/**
 * One invariant of an MPLP invariant file: the {@code rule} holds at {@code path} of the document
 * of {@code scope} ({@code context}, {@code plan}, {@code confirm}, {@code trace}, {@code collab},
 * {@code event}, …).
 *
 * @param id its id in the file, e.g. {@code flow05_confirm_target_matches_plan}
 * @param scope the document it applies to
 * @param path where in the document, or null for rules that carry their own path
 * @param rule the parsed rule
 * @param description what it means, or null
 */
public record Invariant(String id, String scope, DocPath path, Rule rule, String description) {}
