package org.ctdc.schema.internal;

import java.nio.file.Path;

/**
 * How a message shows a name that came from a user's file or command line (a key, a column or file name,
 * a code of a closed value set): never whole when long, and never with control characters, so that no
 * message repeats much of a file and none can move a terminal's cursor or hide text (issue 14). Record
 * values are never shown at all; this is only for names. Not API (exported to the other ctdc modules
 * only). This class is thread-safe (stateless).
 */
public final class Shown {

  /** The longest name a message shows; a longer one is cut and its length given. */
  public static final int MAX_SHOWN = 24;

  private Shown() {}

  /**
   * A name as a message shows it: control characters (C0, DEL, C1, and the line and paragraph separators)
   * replaced by {@code ?}, and cut to {@value #MAX_SHOWN} characters with its length given.
   *
   * @param name the name
   * @return the name fit for a message
   */
  public static String name(String name) {
    return cut(name, MAX_SHOWN);
  }

  /**
   * A name cut to at most {@code max} characters, its control characters replaced by {@code ?}.
   *
   * @param name the name
   * @param max the most characters shown, at least 8
   * @return the name fit for a message
   */
  public static String cut(String name, int max) {
    if (max < 8) {
      throw new IllegalArgumentException("max must be at least 8, was " + max);
    }
    String s = name.length() <= max ? name : name.substring(0, max - 4) + "...(" + name.length() + " chars)";
    return clean(s);
  }

  /**
   * A file path as a message shows it: whole (the user chose it), its control characters replaced.
   *
   * @param file the path
   * @return the path fit for a message
   */
  public static String file(Path file) {
    return clean(file.toString());
  }

  /**
   * Replaces control characters by {@code ?}.
   *
   * @param s any text
   * @return the text without control characters
   */
  public static String clean(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isControl(c)) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        b.append('?');
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /**
   * @param c a character
   * @return whether it is a control character a message must not carry
   */
  public static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
