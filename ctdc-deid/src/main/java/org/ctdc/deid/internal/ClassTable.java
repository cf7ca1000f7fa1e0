package org.ctdc.deid.internal;

/**
 * The frequency table of the distinct quasi-identifier combinations of a lattice node: per class a
 * representative level-0 id for every quasi-identifier, the record count, the sum over its records of
 * log2 P(original value) (for non-uniform entropy) and, per sensitive channel, the histogram of sensitive
 * ids (flat, {@code class * domain + id}). Immutable once built.
 */
public final class ClassTable {
  final int size;
  final int[][] rep;
  final int[] count;
  final double[] logOrig;
  final int[][] hist;
  final int[] levels;

  ClassTable(int size, int[][] rep, int[] count, double[] logOrig, int[][] hist, int[] levels) {
    this.size = size;
    this.rep = rep;
    this.count = count;
    this.logOrig = logOrig;
    this.hist = hist;
    this.levels = levels;
  }

  /** @return the number of classes (distinct combinations) */
  public int size() {
    return size;
  }

  /**
   * Record count of a class.
   *
   * @param c the class
   * @return the count
   */
  public int count(int c) {
    return count[c];
  }
}
