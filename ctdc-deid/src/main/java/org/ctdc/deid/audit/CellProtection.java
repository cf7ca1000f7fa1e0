package org.ctdc.deid.audit;

import java.util.OptionalInt;

/**
 * What one primary cell needs, as the publisher knows it: its true value, its lower and upper protection
 * levels (the attacker's lower bound must reach {@code value − lower} and the upper bound
 * {@code value + upper}), and, for a singleton, the respondent that alone makes it up. A respondent knows
 * every cell it alone makes up exactly: the audit recomputes the other primaries' intervals with those
 * cells fixed (the singleton attacker) and fails any that then misses its width or levels.
 *
 * <p>These facts are confidential (the value is the suppressed cell's; a level can reveal it): they travel
 * in the publisher's levels file ({@code NAME.levels.json}), never in a published file, and the audit never
 * reports them.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param value the cell's true value, at least 0
 * @param lower the lower protection level, 0 to {@code value}
 * @param upper the upper protection level, at least 0
 * @param respondent for a cell made up by one respondent, that respondent's number (any cells sharing it are
 *     known together); empty otherwise
 */
public record CellProtection(double value, double lower, double upper, OptionalInt respondent) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a number is not finite, the value or a level is negative, the lower
   *     level exceeds the value, or the respondent is negative
   * @throws NullPointerException if respondent is null
   */
  public CellProtection {
    java.util.Objects.requireNonNull(respondent, "respondent");
    if (!(Double.isFinite(value) && value >= 0)) {
      throw new IllegalArgumentException("protection: the value must be finite and non-negative");
    }
    if (!(Double.isFinite(upper) && upper >= 0 && Double.isFinite(lower) && lower >= 0 && lower <= value)) {
      throw new IllegalArgumentException("protection: levels must be finite, at least 0, and lower at most the value");
    }
    if (respondent.isPresent() && respondent.getAsInt() < 0) {
      throw new IllegalArgumentException("protection: a respondent number must not be negative");
    }
  }

  /**
   * Levels of a cell that is not a singleton.
   *
   * @param value the true value
   * @param lower the lower level
   * @param upper the upper level
   * @return the protection
   * @throws IllegalArgumentException as the constructor
   */
  public static CellProtection of(double value, double lower, double upper) {
    return new CellProtection(value, lower, upper, OptionalInt.empty());
  }

  /**
   * Levels of a singleton cell.
   *
   * @param value the true value
   * @param lower the lower level
   * @param upper the upper level
   * @param respondent the respondent that alone makes up the cell
   * @return the protection
   * @throws IllegalArgumentException as the constructor
   */
  public static CellProtection singleton(double value, double lower, double upper, int respondent) {
    return new CellProtection(value, lower, upper, OptionalInt.of(respondent));
  }
}
