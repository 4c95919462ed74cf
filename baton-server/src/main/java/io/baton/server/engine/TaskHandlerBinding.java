package io.baton.server.engine;

import io.baton.api.spi.TaskHandler;

/**
 * A handler of {@code task} steps of one capability, declared as a bean so that the engine
 * registers it (agents from {@code baton-ai} come in this way).
 *
 * @param capability the capability it serves, e.g. {@code analysis}
 * @param handler the handler
 */
public record TaskHandlerBinding(String capability, TaskHandler handler) {}
