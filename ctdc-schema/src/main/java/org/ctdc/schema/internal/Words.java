package org.ctdc.schema.internal;

import java.util.Locale;

/**
 * Converts between enum constants ({@code QUASI_IDENTIFIER}) and the camelCase words of the schema file
 * format ({@code quasiIdentifier}). Stateless and thread-safe.
 */
public final class Words {
  private Words() {}

  /**
   * The file-format word of an enum constant.
   *
   * @param e the constant
   * @return its camelCase word
   */
  public static String toWord(Enum<?> e) {
    String[] parts = e.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder sb = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }

  /**
   * The enum constant name of a file-format word.
   *
   * @param word a camelCase word
   * @return the upper-case constant name it stands for
   */
  public static String toConstant(String word) {
    return word.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
