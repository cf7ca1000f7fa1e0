package org.ctdc.core;

import java.util.List;

/**
 * How one partner's extract writes missing values, flags and multi-valued fields. Tokens are compared
 * after trimming; missing tokens exactly, flag spellings ignoring case.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param missing tokens read as missing (reason unknown) in every column, such as {@code -99},
 *     {@code Unknown}, {@code N/A} and the empty string
 * @param flagTrue spellings of a set flag, such as {@code yes}, {@code true}, {@code 1}, {@code x},
 *     {@code Y}
 * @param flagFalse spellings of an unset flag, such as {@code no}, {@code false}, {@code 0}, {@code N}
 * @param separators separators of multi-valued fields, tried longest first, such as {@code "; "},
 *     {@code ;}, {@code |}
 */
public record SourceConventions(
    List<String> missing, List<String> flagTrue, List<String> flagFalse, List<String> separators) {

  /**
   * The defaults: missing {@code ""}, {@code -99}, {@code Unknown}, {@code unknown}, {@code N/A}; flags
   * yes/no, true/false, 1/0, x, Y/N; separators {@code ;} and {@code |}.
   */
  public static final SourceConventions DEFAULTS =
      new SourceConventions(
          List.of("", "-99", "Unknown", "unknown", "N/A"),
          List.of("yes", "true", "1", "x", "y"),
          List.of("no", "false", "0", "n"),
          List.of(";", "|"));

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if a spelling is both a set and an unset flag, or a separator is
   *     empty
   */
  public SourceConventions {
    missing = List.copyOf(missing);
    flagTrue = List.copyOf(flagTrue);
    flagFalse = List.copyOf(flagFalse);
    separators = List.copyOf(separators);
    for (String t : flagTrue) {
      for (String f : flagFalse) {
        if (t.equalsIgnoreCase(f)) {
          throw new IllegalArgumentException("flag spelling '" + t + "' is both true and false");
        }
      }
    }
    for (String s : separators) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("a separator must not be empty");
      }
    }
  }

  /**
   * These conventions with other missing tokens, such as
   * {@code SourceConventions.DEFAULTS.withMissing("", "Unknown").withSeparators("; ", ";")}.
   *
   * @param tokens the values read as missing (reason unknown), exact after trim
   * @return new conventions
   */
  public SourceConventions withMissing(String... tokens) {
    return new SourceConventions(List.of(tokens), flagTrue, flagFalse, separators);
  }

  /**
   * @param spellings the spellings of a set flag, case ignored
   * @return these conventions with other set-flag spellings
   * @throws IllegalArgumentException if a spelling is also an unset flag's
   */
  public SourceConventions withFlagTrue(String... spellings) {
    return new SourceConventions(missing, List.of(spellings), flagFalse, separators);
  }

  /**
   * @param spellings the spellings of an unset flag, case ignored
   * @return these conventions with other unset-flag spellings
   * @throws IllegalArgumentException if a spelling is also a set flag's
   */
  public SourceConventions withFlagFalse(String... spellings) {
    return new SourceConventions(missing, flagTrue, List.of(spellings), separators);
  }

  /**
   * @param separators the multi-value separators, longest tried first
   * @return these conventions with other separators
   * @throws IllegalArgumentException if a separator is empty
   */
  public SourceConventions withSeparators(String... separators) {
    return new SourceConventions(missing, flagTrue, flagFalse, List.of(separators));
  }
}
