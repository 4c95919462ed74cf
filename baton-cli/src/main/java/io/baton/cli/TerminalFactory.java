package io.baton.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates picocli's command objects, handing the {@link Terminal} to those whose constructor takes
 * one, so that commands write to the terminal they were given rather than to {@code System.out}.
 */
final class TerminalFactory implements IFactory {
  private final Terminal terminal;
  private final IFactory fallback = CommandLine.defaultFactory();

  TerminalFactory(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      Constructor<K> constructor = type.getDeclaredConstructor(Terminal.class);
      return constructor.newInstance(terminal);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
  }
}
