package org.ctdc.deid.table;

import java.util.Objects;

/**
 * The primary rules and the protection required of suppressed cells.
 *
 * <ul>
 *   <li>Threshold: a count (or, for magnitude tables, a number of contributors) below {@code threshold}
 *       ({@link ThresholdBound#LESS_THAN}, {@code <}) or at most {@code threshold}
 *       ({@link ThresholdBound#AT_MOST}, {@code ≤}) is unsafe. CTDC's default is {@code < 11}. A count of 0
 *       is not subject to the threshold: see {@code protectZeros}.
 *   <li>Zeros: a zero cell can disclose an attribute ("none of the victims from X were men"). With
 *       {@code protectZeros} zeros are primary cells; without, they are published with status
 *       {@link CellStatus#EMPTY}.
 *   <li>Magnitude tables: {@code (dominanceN, dominanceK)}-dominance (the n largest contributions exceed
 *       k % of the cell total; off when n is 0), the p%-rule (total minus the two largest contributions is
 *       less than p % of the largest; off when p is 0), and few contributors (fewer than
 *       {@code minContributors}, off when 0). For magnitude tables the threshold applies to the number of
 *       contributors.
 *   <li>Protection: every primary cell's attacker interval must be at least
 *       {@code max(minWidth, minWidthPercent % of its value)} wide (minWidth ≥ 1: never exactly
 *       recomputable), and for magnitude tables it must also reach the cell's protection levels
 *       ({@link #protectionLevel}): {@code upper ≥ value + UPL} and {@code lower ≤ value − LPL}, with
 *       {@code LPL = min(UPL, value)}.
 *   <li>{@code forceGrandTotal}: the all-totals cell is always published ({@link CellStatus#FORCED_PUBLISH}).
 * </ul>
 *
 * <p>Every setting is checked when it is set (by the constructor or a {@code with} method): a value out of
 * range throws {@link IllegalArgumentException} naming the setting. {@link TablesConfig#read} reports the
 * same rules of a configuration file as a {@link TableException} naming the file and the key.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param threshold the threshold n, at least 0 (0 with LESS_THAN switches the threshold off)
 * @param bound whether the bound is {@code <} or {@code ≤}
 * @param protectZeros whether zero cells are primary
 * @param dominanceN n of the (n,k)-dominance rule, 0 = off
 * @param dominanceK k of the (n,k)-dominance rule, in percent (0, 100]
 * @param pPercent p of the p%-rule, in percent, 0 = off
 * @param minContributors fewest contributors of a publishable magnitude cell, 0 = off
 * @param minWidth the smallest attacker interval width of a primary cell, at least 1
 * @param minWidthPercent the smallest width as a percentage of the cell's value, at least 0
 * @param forceGrandTotal whether the grand total is always published
 */
public record SuppressionRules(
    long threshold,
    ThresholdBound bound,
    boolean protectZeros,
    int dominanceN,
    double dominanceK,
    double pPercent,
    int minContributors,
    long minWidth,
    double minWidthPercent,
    boolean forceGrandTotal) {

  /** The bound of the threshold rule. */
  public enum ThresholdBound {
    /** A count is unsafe when {@code count < n}. */
    LESS_THAN("<"),
    /** A count is unsafe when {@code count ≤ n}. */
    AT_MOST("≤");

    private final String symbol;

    ThresholdBound(String symbol) {
      this.symbol = symbol;
    }

    /** @return {@code <} or {@code ≤} */
    public String symbol() {
      return symbol;
    }
  }

  /**
   * Validates each setting.
   *
   * @throws IllegalArgumentException naming the setting out of range
   * @throws NullPointerException if {@code bound} is null
   */
  public SuppressionRules {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold must not be negative");
    }
    Objects.requireNonNull(bound, "bound");
    if (dominanceN < 0) {
      throw new IllegalArgumentException("dominanceN must not be negative (0 switches the dominance rule off)");
    }
    if (dominanceN > 0 && !(dominanceK > 0 && dominanceK <= 100)) {
      throw new IllegalArgumentException("dominanceK must be in (0, 100] when dominanceN is at least 1");
    }
    if (!(pPercent >= 0 && pPercent <= 100)) {
      throw new IllegalArgumentException("pPercent (p of the p%-rule) must be in [0, 100]");
    }
    if (minContributors < 0) {
      throw new IllegalArgumentException("minContributors must not be negative");
    }
    if (minWidth < 1) {
      throw new IllegalArgumentException("minWidth must be at least 1");
    }
    if (!(minWidthPercent >= 0 && minWidthPercent <= 1000)) {
      throw new IllegalArgumentException("minWidthPercent must be in [0, 1000]");
    }
  }

  /**
   * CTDC's defaults: count below 11 unsafe ({@code < 11}), zeros published, no magnitude rules, width 1,
   * grand total not forced.
   *
   * @return the defaults
   */
  public static SuppressionRules ctdcDefaults() {
    return new SuppressionRules(11, ThresholdBound.LESS_THAN, false, 0, 0, 0, 0, 1, 0, false);
  }

  /**
   * These rules with another threshold.
   *
   * @param n the threshold
   * @param b the bound
   * @return new rules
   * @throws IllegalArgumentException naming {@code threshold} when n is negative
   * @throws NullPointerException if {@code b} is null
   */
  public SuppressionRules withThreshold(long n, ThresholdBound b) {
    return new SuppressionRules(n, b, protectZeros, dominanceN, dominanceK, pPercent, minContributors, minWidth,
        minWidthPercent, forceGrandTotal);
  }

  /**
   * These rules with zeros protected or not.
   *
   * @param protect whether zeros are primary
   * @return new rules
   */
  public SuppressionRules withProtectZeros(boolean protect) {
    return new SuppressionRules(threshold, bound, protect, dominanceN, dominanceK, pPercent, minContributors,
        minWidth, minWidthPercent, forceGrandTotal);
  }

  /**
   * These rules with the magnitude rules set.
   *
   * @param n dominance n (0 = off)
   * @param k dominance k in percent
   * @param p p of the p%-rule (0 = off)
   * @param contributors fewest contributors (0 = off)
   * @return new rules
   * @throws IllegalArgumentException naming the setting ({@code dominanceN}, {@code dominanceK},
   *     {@code pPercent} or {@code minContributors}) out of range
   */
  public SuppressionRules withMagnitudeRules(int n, double k, double p, int contributors) {
    return new SuppressionRules(threshold, bound, protectZeros, n, k, p, contributors, minWidth, minWidthPercent,
        forceGrandTotal);
  }

  /**
   * These rules with another protection requirement.
   *
   * @param width the smallest width, at least 1
   * @param percent the smallest width as a percentage of the value
   * @return new rules
   * @throws IllegalArgumentException naming the setting ({@code minWidth} or {@code minWidthPercent}) out of
   *     range
   */
  public SuppressionRules withProtection(long width, double percent) {
    return new SuppressionRules(threshold, bound, protectZeros, dominanceN, dominanceK, pPercent, minContributors,
        width, percent, forceGrandTotal);
  }

  /**
   * These rules with the grand total forced or not.
   *
   * @param force whether the grand total is always published
   * @return new rules
   */
  public SuppressionRules withForceGrandTotal(boolean force) {
    return new SuppressionRules(threshold, bound, protectZeros, dominanceN, dominanceK, pPercent, minContributors,
        minWidth, minWidthPercent, force);
  }

  /**
   * Whether a count (or number of contributors) breaks the threshold; 0 is never below it.
   *
   * @param count the count
   * @return true when {@code 0 < count < n} (or {@code ≤ n})
   */
  public boolean belowThreshold(long count) {
    if (count <= 0) {
      return false;
    }
    return bound == ThresholdBound.LESS_THAN ? count < threshold : count <= threshold;
  }

  /**
   * The width a primary cell's attacker interval must have.
   *
   * @param value the cell's value
   * @return {@code max(minWidth, ceil(minWidthPercent * value / 100))}
   */
  public long requiredWidth(long value) {
    return Math.max(minWidth, (long) Math.ceil(minWidthPercent * value / 100.0));
  }

  /**
   * The upper protection level UPL of a magnitude cell, as τ-ARGUS derives it from the sensitivity rules:
   * how far above the cell's value the attacker's upper bound must reach so that no rule's attacker learns
   * more than the rule allows. The maximum, rounded up to an integer, of:
   *
   * <ul>
   *   <li>p%-rule ({@code pPercent > 0}): {@code p/100 · x1 − (X − x1 − x2)}: the second-largest
   *       contributor, who knows its own x2, then estimates x1 as {@code upper − x2} no closer than p %;
   *   <li>(n,k)-dominance ({@code dominanceN > 0}): {@code (100/k) · (x1 + ... + xn) − X}: the n largest
   *       then make at most k % of the upper bound;
   *   <li>few contributors or a contributor threshold broken, with the p%-rule set: {@code p/100 · x1}: the
   *       coalition of all other contributors, which knows {@code X − x1} exactly, estimates x1 no closer
   *       than p %. Without the p%-rule these cells need only the width.
   * </ul>
   *
   * <p>A rule the cell does not break gives a level ≤ 0, so only broken rules count; 0 when none applies
   * (count tables: always 0, the width alone protects them). The lower protection level is
   * {@code min(UPL, X)} (τ-ARGUS's default of equal levels, capped at the value since cells are
   * non-negative): the attacker's lower bound must reach {@code X − LPL}.
   *
   * @param total the cell's value X
   * @param contributors its number of contributors
   * @param largest its largest contributions in descending order (at least {@code max(2, dominanceN)}
   *     entries, 0 where the cell has fewer contributors)
   * @return the upper protection level, at least 0
   */
  public long protectionLevel(long total, long contributors, long[] largest) {
    if (contributors <= 0 || total <= 0) {
      return 0;
    }
    java.math.BigDecimal level = java.math.BigDecimal.ZERO;
    java.math.BigDecimal x = java.math.BigDecimal.valueOf(total);
    java.math.BigDecimal hundred = java.math.BigDecimal.valueOf(100);
    java.math.BigDecimal x1 = java.math.BigDecimal.valueOf(largest.length > 0 ? largest[0] : 0);
    java.math.BigDecimal p = java.math.BigDecimal.valueOf(pPercent);
    if (pPercent > 0) {
      java.math.BigDecimal x2 = java.math.BigDecimal.valueOf(largest.length > 1 ? largest[1] : 0);
      java.math.BigDecimal rest = x.subtract(x1).subtract(x2);
      level = level.max(p.multiply(x1).divide(hundred).subtract(rest));
      boolean few = belowThreshold(contributors) || (minContributors > 0 && contributors < minContributors);
      if (few) {
        level = level.max(p.multiply(x1).divide(hundred));
      }
    }
    if (dominanceN > 0) {
      long s = 0;
      for (int k = 0; k < dominanceN && k < largest.length; k++) {
        s += largest[k];
      }
      level = level.max(java.math.BigDecimal.valueOf(s).multiply(hundred)
          .divide(java.math.BigDecimal.valueOf(dominanceK), 12, java.math.RoundingMode.CEILING).subtract(x));
    }
    return level.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }
}
