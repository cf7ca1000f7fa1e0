package org.ctdc.deid.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Options of {@link TableAudit}: the required interval width, optional protection levels against the true
 * values, known bounds of cells, and the model size limit. Created by {@link #builder()}; {@link
 * Builder#build()} copies into an immutable object.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class AuditOptions {
  /** The default limit on the number of cells of the audit model. */
  public static final long DEFAULT_MAX_CELLS = 2_000_000L;

  private final OptionalDouble minWidth;
  private final Map<CellRef, Double> trueValues;
  private final double upperShare;
  private final double lowerShare;
  private final Map<CellRef, double[]> bounds;
  private final long maxCells;
  private final boolean secondaryIntervals;
  private final Map<CellRef, CellProtection> protections;

  private AuditOptions(Builder b) {
    this.protections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.protections));
    this.minWidth = b.minWidth;
    this.trueValues = Map.copyOf(b.trueValues);
    this.upperShare = b.upperShare;
    this.lowerShare = b.lowerShare;
    Map<CellRef, double[]> copy = new LinkedHashMap<>();
    b.bounds.forEach((k, v) -> copy.put(k, v.clone()));
    this.bounds = java.util.Collections.unmodifiableMap(copy);
    this.maxCells = b.maxCells;
    this.secondaryIntervals = b.secondaryIntervals;
  }

  /**
   * The defaults: the minimum width of each table's definition (or, where none is stated, "not exactly
   * determined"), no protection levels, no known bounds, {@value #DEFAULT_MAX_CELLS} cells at most.
   *
   * @return the default options
   */
  public static AuditOptions defaults() {
    return builder().build();
  }

  /**
   * A builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The required width overriding the definitions', if set.
   *
   * @return the width, or empty
   */
  public OptionalDouble minWidth() {
    return minWidth;
  }

  /**
   * The true values supplied by the publisher (used only for protection levels, never reported).
   *
   * @return an immutable map
   */
  public Map<CellRef, Double> trueValues() {
    return trueValues;
  }

  /**
   * The required upper protection level as a share of the true value.
   *
   * @return a share, 0 when not required
   */
  public double upperProtection() {
    return upperShare;
  }

  /**
   * The required lower protection level as a share of the true value.
   *
   * @return a share, 0 when not required
   */
  public double lowerProtection() {
    return lowerShare;
  }

  /**
   * The known bounds of cells, each as {@code [lower, upper]} (copies).
   *
   * @return an immutable map; the arrays are copies
   */
  public Map<CellRef, double[]> knownBounds() {
    Map<CellRef, double[]> out = new LinkedHashMap<>();
    bounds.forEach((k, v) -> out.put(k, v.clone()));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * The limit on the number of cells of the audit model (the product over the linked tables' dimensions
   * of their node counts).
   *
   * @return the limit
   */
  public long maxCells() {
    return maxCells;
  }

  /**
   * Whether the intervals of secondary cells are computed too. The verdict of the release depends on the
   * primary cells only; secondary intervals cost two linear programs per cell.
   *
   * @return true (the default) when secondary cells are audited and reported
   */
  public boolean secondaryIntervals() {
    return secondaryIntervals;
  }

  /**
   * The protection of primary cells given here (in addition to the levels files of the tables; a cell given
   * in both uses this one).
   *
   * @return an immutable map
   */
  public Map<CellRef, CellProtection> cellProtections() {
    return protections;
  }

  /**
   * Builds {@link AuditOptions}. Not thread-safe.
   */
  public static final class Builder {
    private OptionalDouble minWidth = OptionalDouble.empty();
    private final Map<CellRef, Double> trueValues = new LinkedHashMap<>();
    private double upperShare;
    private double lowerShare;
    private final Map<CellRef, double[]> bounds = new LinkedHashMap<>();
    private long maxCells = DEFAULT_MAX_CELLS;
    private boolean secondaryIntervals = true;
    private final Map<CellRef, CellProtection> protections = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Gives a primary cell's true value, protection levels and, for a singleton, its respondent (see
     * {@link CellProtection}): the cell fails when its interval does not reach {@code value − lower} and
     * {@code value + upper}, or when a singleton attacker narrows it so. None of it is ever reported.
     *
     * @param cell the primary cell
     * @param protection what it needs
     * @return this builder
     */
    public Builder cellProtection(CellRef cell, CellProtection protection) {
      protections.put(Objects.requireNonNull(cell, "cell"), Objects.requireNonNull(protection, "protection"));
      return this;
    }

    /**
     * Whether to compute the intervals of secondary cells (default true). With {@code false} only primary
     * cells are audited: {@link AuditResult#cells()} then lists the primary cells only, which is all the
     * verdict of the release needs, and the audit is correspondingly faster.
     *
     * @param audit false to skip secondary cells
     * @return this builder
     */
    public Builder secondaryIntervals(boolean audit) {
      this.secondaryIntervals = audit;
      return this;
    }

    /**
     * Requires every primary cell's interval to be at least this wide (1 for integer counts: an interval
     * narrower than 1 pins the count), overriding the definitions' {@code protection.minWidth}.
     *
     * @param width a positive width
     * @return this builder
     * @throws IllegalArgumentException if the width is not positive and finite
     */
    public Builder minWidth(double width) {
      if (!(width > 0 && Double.isFinite(width))) {
        throw new IllegalArgumentException("minWidth must be positive and finite");
      }
      this.minWidth = OptionalDouble.of(width);
      return this;
    }

    /**
     * Supplies the true values of suppressed cells, to check protection levels. They are used only in the
     * comparison and never appear in the result or the report.
     *
     * @param values cell to true value
     * @return this builder
     * @throws IllegalArgumentException if a value is negative or not finite
     */
    public Builder trueValues(Map<CellRef, Double> values) {
      values.forEach((k, v) -> {
        if (!(v >= 0 && Double.isFinite(v))) {
          throw new IllegalArgumentException("true value of " + k + " must be finite and non-negative");
        }
      });
      trueValues.putAll(values);
      return this;
    }

    /**
     * Requires protection levels as shares of the true value: the attacker's upper bound must reach at least
     * {@code true * (1 + upper)} and the lower bound at most {@code true * (1 - lower)}. Checked only for
     * cells whose true value is supplied.
     *
     * @param lower the lower share, 0 to 1
     * @param upper the upper share, at least 0
     * @return this builder
     * @throws IllegalArgumentException if a share is out of range
     */
    public Builder protectionLevels(double lower, double upper) {
      if (!(lower >= 0 && lower <= 1) || !(upper >= 0 && Double.isFinite(upper))) {
        throw new IllegalArgumentException("protection levels: lower must be in [0, 1], upper >= 0 and finite");
      }
      this.lowerShare = lower;
      this.upperShare = upper;
      return this;
    }

    /**
     * Adds what the attacker is assumed to know a priori about a cell (published or not).
     *
     * @param cell the cell
     * @param lower its known lower bound (at least 0)
     * @param upper its known upper bound ({@link Double#POSITIVE_INFINITY} for none)
     * @return this builder
     * @throws IllegalArgumentException if {@code lower < 0} or {@code lower > upper}
     */
    public Builder knownBound(CellRef cell, double lower, double upper) {
      Objects.requireNonNull(cell, "cell");
      if (!(lower >= 0 && Double.isFinite(lower)) || !(upper >= lower)) {
        throw new IllegalArgumentException("known bound of " + cell + ": need 0 <= lower <= upper");
      }
      bounds.put(cell, new double[] {lower, upper});
      return this;
    }

    /**
     * Sets the model size limit.
     *
     * @param cells the largest allowed number of model cells
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxCells(long cells) {
      if (cells <= 0) {
        throw new IllegalArgumentException("maxCells must be positive");
      }
      this.maxCells = cells;
      return this;
    }

    /**
     * Copies the settings into immutable options.
     *
     * @return the options
     */
    public AuditOptions build() {
      return new AuditOptions(this);
    }
  }
}
