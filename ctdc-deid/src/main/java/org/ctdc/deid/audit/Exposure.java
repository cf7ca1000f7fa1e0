package org.ctdc.deid.audit;

/**
 * The audit's verdict on one suppressed cell, in the order in which the checks are made (the first that
 * applies is reported).
 *
 * <p>This type is immutable and thread-safe.
 */
public enum Exposure {
  /** The attacker interval is wide enough: the cell is protected. */
  PROTECTED,
  /** The attacker interval is a single point: the cell can be recomputed exactly. */
  DETERMINED,
  /** The attacker interval is narrower than the required minimum width. */
  TOO_NARROW,
  /** The attacker's upper bound is below the true value plus the required upper protection level. */
  UPPER_PROTECTION,
  /** The attacker's lower bound is above the true value minus the required lower protection level. */
  LOWER_PROTECTION,
  /**
   * The public interval is wide enough, but a singleton respondent, who knows the cells it alone makes up,
   * narrows this cell below its width or protection levels (see {@link CellProtection}).
   */
  SINGLETON;

  /**
   * Whether this verdict exposes the cell.
   *
   * @return true for every verdict except {@link #PROTECTED}
   */
  public boolean isExposed() {
    return this != PROTECTED;
  }
}
