package org.ctdc.schema.internal;

import org.ctdc.schema.Role;
import org.ctdc.schema.VariableKind;

/**
 * The words the schema file format uses for kinds and roles ({@code orderedBand}, {@code quasiIdentifier}),
 * and small quoting helpers shared by the diff and the exports.
 *
 * <p>Stateless and thread-safe.
 */
public final class ExportWords {

  private ExportWords() {}

  /**
   * The schema-file word of a kind.
   *
   * @param kind a kind
   * @return such as {@code orderedBand} or {@code freeText}
   */
  public static String kind(VariableKind kind) {
    return Words.toWord(kind);
  }

  /**
   * The schema-file word of a role.
   *
   * @param role a role
   * @return such as {@code quasiIdentifier}
   */
  public static String role(Role role) {
    return Words.toWord(role);
  }

  /**
   * A string as a JSON string literal: in double quotes, with quotes, backslashes and control characters
   * escaped. Used for release-format tokens in human-readable text, where the empty token must stay visible.
   *
   * @param s any string
   * @return the quoted string
   */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
