package org.ctdc.core;

/**
 * Why the {@link Aligner} rejected a row. Stable ids for the JSON report are the lower-case names with
 * hyphens ({@link #id()}).
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum RejectReason {
  /** The row has fewer fields than the header (a ragged row). */
  MISSING_FIELDS,
  /** The row has more fields than the header, such as a field with unquoted commas shifting the rest. */
  EXTRA_FIELDS,
  /** The row cannot be parsed at all (a malformed CSV record or JSON line). */
  MALFORMED_ROW,
  /**
   * Every field of the row is empty or blank, such as a CSV line of only delimiters ({@code ,,,,}) or a
   * JSON Lines object without a value: never aligned as a record with every value missing (issue 14).
   */
  EMPTY_ROW,
  /** A value of a closed column that no mapping, normaliser or target code recognises. */
  UNMAPPED_VALUE,
  /** A value that should be a number, a year or a date is not one. */
  NOT_A_NUMBER,
  /** A number outside the target's bounds. */
  OUT_OF_RANGE,
  /** An age below 0 or above the rule's maximum, or a birth date after the reference date. */
  IMPOSSIBLE_AGE,
  /** An age band or age that contradicts a given majority status. */
  CONTRADICTORY_AGE,
  /**
   * A date two of the partner's declared date patterns read as two different dates (such as
   * {@code 03/04/2019} with both {@code d/M/yyyy} and {@code M/d/yyyy}): never guessed.
   */
  AMBIGUOUS_DATE;

  /**
   * Whether a value with this reason is one the source wrote in a form that cannot be read (unmapped, not
   * a number or date, an ambiguous date), which {@code onUnmapped: missing} turns into a missing cell,
   * rather than a readable value that breaks a rule (out of range, an impossible or contradictory age) or
   * a broken row.
   *
   * @return whether {@code onUnmapped: missing} covers it
   */
  public boolean isUnreadableValue() {
    return this == UNMAPPED_VALUE || this == NOT_A_NUMBER || this == AMBIGUOUS_DATE;
  }

  /** @return the id used in reports, such as {@code unmapped-value} */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
