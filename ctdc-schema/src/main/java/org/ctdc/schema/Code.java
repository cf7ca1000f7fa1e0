package org.ctdc.schema;

import java.util.List;

/**
 * One code of a closed value set: the code as written in releases, its label, its definition, and the
 * aliases accepted when reading (other spellings seen in releases, such as {@code Case management} for
 * {@code Case Management}).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param code the code as written; not blank
 * @param label a human-readable label; defaults to the code when blank
 * @param definition what the code means, in the project's own words; may be empty
 * @param aliases other spellings accepted on reading; never containing the code itself
 */
public record Code(String code, String label, String definition, List<String> aliases) {

  /**
   * Validates and copies.
   *
   * @throws SchemaFormatException if the code is blank or an alias is blank or repeats the code
   */
  public Code {
    if (code.isBlank()) {
      throw new SchemaFormatException("<builder>", "code", "a code must not be blank");
    }
    if (label.isBlank()) {
      label = code;
    }
    aliases = List.copyOf(aliases);
    for (String alias : aliases) {
      if (alias.isBlank() || alias.equals(code)) {
        throw new SchemaFormatException(
            "<builder>", "code " + code, "an alias must not be blank nor repeat its code");
      }
    }
  }

  /**
   * A code whose label is the code itself, with no definition and no aliases.
   *
   * @param code the code
   * @return the code
   */
  public static Code of(String code) {
    return new Code(code, code, "", List.of());
  }

  /**
   * A code with a label, no definition and no aliases.
   *
   * @param code the code
   * @param label its label
   * @return the code
   */
  public static Code of(String code, String label) {
    return new Code(code, label, "", List.of());
  }
}
