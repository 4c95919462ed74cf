/**
 * The CLI's built-in <b>offline stand-ins</b>: deterministic task handlers and tools that let the
 * seed fixtures and the examples run unchanged on a fresh machine, with no agent, model, network or
 * database.
 *
 * <p>They are placeholders, not the real thing: the agents that handle tasks ({@code baton-ai})
 * come in their own issue and will replace them. (The ten MPLP coordination modules are the real
 * ones of {@code baton-modules}.) Every result they give is computed from the step's input, run id
 * and path only, so that the same run gives the same outputs every time; results that a real module
 * would invent (ids, plans, assignments) are derived deterministically and say {@code "offline":
 * true}. The CLI prints a one-line notice whenever a run uses them.
 */
package io.baton.cli.offline;
