package org.ctdc.core.normalize;

import java.util.Locale;
import java.util.Optional;

/**
 * Flag spellings to booleans. After trimming and lower-casing ({@link Locale#ROOT}):
 * {@code yes, y, true, t, 1, x} are yes; {@code no, n, false, f, 0} are no; the empty string is no only
 * when the source marks flags by ticking ({@link #parse(String, boolean)} with {@code emptyIsNo}), and
 * unknown otherwise; anything else (including {@code -99}, {@code unknown}) is unknown.
 *
 * <p>Examples: {@code " YES "} → yes; {@code "x"} → yes; {@code "F"} → no; {@code "2"} → unknown.
 *
 * <p>This class is thread-safe (stateless).
 */
public final class Flags {
  private Flags() {}

  /**
   * Reads a flag; the empty string is unknown.
   *
   * @param token the cell text
   * @return true for yes, false for no, empty if unknown or unrecognised
   */
  public static Optional<Boolean> parse(String token) {
    return parse(token, false);
  }

  /**
   * Reads a flag.
   *
   * @param token the cell text
   * @param emptyIsNo whether a blank cell means no (sources that tick an {@code x} for yes)
   * @return true for yes, false for no, empty if unknown or unrecognised
   */
  public static Optional<Boolean> parse(String token, boolean emptyIsNo) {
    String t = token.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "yes", "y", "true", "t", "1", "x" -> Optional.of(Boolean.TRUE);
      case "no", "n", "false", "f", "0" -> Optional.of(Boolean.FALSE);
      case "" -> emptyIsNo ? Optional.of(Boolean.FALSE) : Optional.empty();
      default -> Optional.empty();
    };
  }
}
