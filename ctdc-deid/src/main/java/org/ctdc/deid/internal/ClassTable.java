package org.ctdc.deid.internal;

import java.util.Arrays;

/**
 * The frequency table of the distinct quasi-identifier combinations of a lattice node: per class its key
 * (the ids at the node's levels of every quasi-identifier, packed with fixed bit widths, the first
 * quasi-identifier in the highest bits, see {@link Engine}), the record count, the sum over its records of
 * log2 P(original value) (for non-uniform entropy) and, per sensitive channel, the histogram of sensitive
 * ids (flat, {@code class * domain + id}). Immutable once built.
 */
public final class ClassTable {
  final int size;
  final long[] key;
  final int[] count;
  final double[] logOrig;
  final int[][] hist;
  final int[] levels;

  ClassTable(int size, long[] key, int[] count, double[] logOrig, int[][] hist, int[] levels) {
    this.size = size;
    this.key = key;
    this.count = count;
    this.logOrig = logOrig;
    this.hist = hist;
    this.levels = levels;
  }

  /**
   * A copy whose arrays are exactly as long as the table, for keeping beyond the next roll-up.
   *
   * @return the copy
   */
  ClassTable trimmedCopy() {
    int[][] h = new int[hist.length][];
    for (int c = 0; c < hist.length; c++) {
      int d = count.length == 0 ? 0 : hist[c].length / count.length;
      h[c] = Arrays.copyOf(hist[c], size * d);
    }
    return new ClassTable(size, Arrays.copyOf(key, size), Arrays.copyOf(count, size), Arrays.copyOf(logOrig, size),
        h, levels.clone());
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
