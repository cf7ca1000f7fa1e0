package org.ctdc.deid.audit;

import java.util.Objects;

/**
 * The attacker interval of one suppressed cell: the smallest and largest value the cell can take in any
 * non-negative table consistent with everything published (linear programming relaxation), and the
 * verdict. {@code max} is {@link Double#POSITIVE_INFINITY} when nothing published bounds the cell.
 *
 * <p>The interval is what an attacker can compute from the publication; it is not the true value (which
 * the audit never reports), but it equals the true value when the cell is {@link Exposure#DETERMINED}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param cell the cell
 * @param status {@link PublishedStatus#PRIMARY} or {@link PublishedStatus#SECONDARY}
 * @param min the attacker's lower bound
 * @param max the attacker's upper bound, possibly infinite
 * @param exposure the verdict
 */
public record CellInterval(CellRef cell, PublishedStatus status, double min, double max, Exposure exposure) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException if {@code min > max}, min is not finite, or the status is not a
   *     suppression
   * @throws NullPointerException if an argument is null
   */
  public CellInterval {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(exposure, "exposure");
    if (!status.isSuppressed()) {
      throw new IllegalArgumentException("status must be primary or secondary");
    }
    if (!Double.isFinite(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException("invalid interval");
    }
  }

  /**
   * The width {@code max - min}.
   *
   * @return the width, possibly infinite
   */
  public double width() {
    return max - min;
  }

  /**
   * Whether the cell is exposed.
   *
   * @return {@code exposure().isExposed()}
   */
  public boolean exposed() {
    return exposure.isExposed();
  }
}
