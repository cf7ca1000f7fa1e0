package org.ctdc.deid;

/**
 * The utility measure the search minimises (lower is less information lost). Definitions as in
 * {@code METHODS.md}; n is the number of input records, S the suppressed records, m the number of
 * quasi-identifiers.
 *
 * <p>Ties between nodes of equal value are broken by a fixed order: the node with the smaller sum of
 * levels wins, then the node whose level vector is lexicographically smaller (quasi-identifiers in
 * configuration order). Values within a relative difference of 1e-12 count as equal, so that the rounding
 * of floating-point sums does not decide.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum Metric {
  /** Sweeney's precision loss: the mean over QIs of level ÷ height (0 for a QI of height 0); node-level. */
  PRECISION,
  /** Discernibility: sum over classes of |E|² plus |S| · n. */
  DISCERNIBILITY,
  /**
   * Average equivalence-class size: (n − |S|) ÷ number of released classes (n when every record is
   * suppressed).
   */
  AVERAGE_CLASS_SIZE,
  /**
   * Non-uniform entropy (Gionis and Tassa): sum over records and QIs of −log2(P(original) ÷
   * P(generalised)), with P from the input's value frequencies of that column; a suppressed record counts as
   * generalised to the top.
   */
  NON_UNIFORM_ENTROPY,
  /**
   * Loss or generalisation intensity (Iyengar): per cell (leaves under the generalised value − 1) ÷
   * (leaves of the hierarchy − 1), suppressed cells 1, averaged arithmetically over all n · m cells (ARX
   * combines per-attribute values with a geometric mean instead).
   */
  LOSS
}
