package io.baton.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line as a POSIX shell would for the simple cases the examples' {@code #
 * ci-args:} lines use: words separated by blanks, single quotes taken literally, double quotes with
 * backslash escapes.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') quote = 0;
        else word.append(c);
      } else if (quote == '"') {
        if (c == '"') quote = 0;
        else if (c == '\\' && i + 1 < line.length()) word.append(line.charAt(++i));
        else word.append(c);
      } else if (Character.isWhitespace(c)) {
        if (word != null) words.add(word.toString());
        word = null;
      } else {
        if (word == null) word = new StringBuilder();
        if (c == '\'' || c == '"') quote = c;
        else word.append(c);
      }
    }
    if (word != null) words.add(word.toString());
    return words;
  }
}
