package org.ctdc.deid.table;

import java.util.OptionalLong;

/**
 * Rounding of published counts: to the nearest multiple of a base ({@link #toBase}), or down to a reporting
 * resolution with counts below it hidden ({@link #downToResolution}, as Microsoft's Synthetic Data
 * Showcase does for CTDC), and the attacker interval that rounding leaves on a total.
 *
 * <p><b>What rounding does to totals.</b> Each cell is rounded on its own, so a published table is no
 * longer additive and a total is not recomputable exactly from its rounded cells: a cell published as
 * {@code r} under base {@code b} has its true count in {@code [max(0, r - floor(b/2)), r + b - 1 -
 * floor(b/2)]}, and the true sum of {@code n} cells lies in the sum of those intervals, of width up to
 * {@code n * (b - 1)} ({@link #totalIntervalFromBase}). Under a resolution {@code s}, a shown cell {@code r}
 * has its true count in {@code [r, r + s - 1]} and a hidden one in {@code [0, s - 1]} ({@link
 * #totalIntervalFromResolution}). Both intervals are exact: every point of them is the sum of some true
 * counts that round to the published ones. When the rounded total is published too, the attacker
 * intersects the two intervals ({@link Interval#intersect}).
 *
 * <p>This class is thread-safe (it has no state).
 */
public final class Rounding {
  private Rounding() {}

  /**
   * An inclusive interval of counts.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param min the smallest count
   * @param max the largest count
   */
  public record Interval(long min, long max) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if {@code min > max}
     */
    public Interval {
      if (min > max) {
        throw new IllegalArgumentException("interval: min must not exceed max");
      }
    }

    /**
     * Whether a count lies in the interval.
     *
     * @param count a count
     * @return true if {@code min <= count <= max}
     */
    public boolean contains(long count) {
      return min <= count && count <= max;
    }

    /**
     * The intersection.
     *
     * @param other another interval
     * @return the common part
     * @throws IllegalArgumentException if the intervals are disjoint
     */
    public Interval intersect(Interval other) {
      return new Interval(Math.max(min, other.min), Math.min(max, other.max));
    }

    /**
     * The width {@code max - min}.
     *
     * @return the width
     */
    public long width() {
      return max - min;
    }
  }

  /**
   * Rounds a count to the nearest multiple of {@code base}. Ties (a remainder of exactly {@code base / 2}
   * for an even base) round up: {@code toBase(5, 10) == 10}, {@code toBase(15, 10) == 20}; with an odd base
   * there are no ties ({@code toBase(2, 5) == 0}, {@code toBase(3, 5) == 5}). Zero stays zero.
   *
   * @param count a count, at least 0
   * @param base the base, at least 1
   * @return the rounded count
   * @throws IllegalArgumentException if the count is negative or the base below 1
   */
  public static long toBase(long count, int base) {
    check(count, base, "base");
    return Math.addExact(count, base / 2) / base * base;
  }

  /**
   * Rounds a count down to a multiple of {@code resolution}, hiding counts below the resolution: {@code
   * downToResolution(27, 10)} is 20, {@code downToResolution(9, 10)} is empty (not shown), and so is 0.
   *
   * @param count a count, at least 0
   * @param resolution the reporting resolution, at least 1
   * @return the rounded count, or empty when the count is below the resolution
   * @throws IllegalArgumentException if the count is negative or the resolution below 1
   */
  public static OptionalLong downToResolution(long count, int resolution) {
    check(count, resolution, "resolution");
    if (count < resolution) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(count / resolution * resolution);
  }

  /**
   * The true counts that round to {@code rounded} under {@link #toBase}.
   *
   * @param rounded a published multiple of the base
   * @param base the base
   * @return the interval of true counts
   * @throws IllegalArgumentException if {@code rounded} is negative or not a multiple of the base
   */
  public static Interval cellIntervalFromBase(long rounded, int base) {
    check(rounded, base, "base");
    if (rounded % base != 0) {
      throw new IllegalArgumentException("a value rounded to base " + base + " must be a multiple of it");
    }
    long half = base / 2;
    return new Interval(Math.max(0, rounded - half), rounded + base - 1 - half);
  }

  /**
   * The attacker interval of the true total of cells published rounded to a base.
   *
   * @param roundedCells the published (rounded) cells that the total sums
   * @param base the base
   * @return the interval of the true total
   * @throws IllegalArgumentException as {@link #cellIntervalFromBase}
   */
  public static Interval totalIntervalFromBase(long[] roundedCells, int base) {
    long min = 0;
    long max = 0;
    for (long r : roundedCells) {
      Interval c = cellIntervalFromBase(r, base);
      min = Math.addExact(min, c.min());
      max = Math.addExact(max, c.max());
    }
    return new Interval(min, max);
  }

  /**
   * The attacker interval of the true total of cells published under {@link #downToResolution}.
   *
   * @param publishedCells the published cells (empty = hidden, below the resolution)
   * @param resolution the resolution
   * @return the interval of the true total
   * @throws IllegalArgumentException if a shown value is below the resolution or not a multiple of it
   */
  public static Interval totalIntervalFromResolution(OptionalLong[] publishedCells, int resolution) {
    check(0, resolution, "resolution");
    long min = 0;
    long max = 0;
    for (OptionalLong p : publishedCells) {
      if (p.isEmpty()) {
        max = Math.addExact(max, resolution - 1L);
      } else {
        long r = p.getAsLong();
        if (r < resolution || r % resolution != 0) {
          throw new IllegalArgumentException("a shown value must be a multiple of the resolution, at least it");
        }
        min = Math.addExact(min, r);
        max = Math.addExact(max, r + resolution - 1L);
      }
    }
    return new Interval(min, max);
  }

  private static void check(long count, int base, String what) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    if (base < 1) {
      throw new IllegalArgumentException(what + " must be at least 1");
    }
  }
}
