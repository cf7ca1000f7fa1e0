package org.ctdc.deid.risk.internal;

import java.util.Arrays;
import java.util.List;
import org.ctdc.deid.risk.RiskException;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;

/**
 * The quasi-identifier columns of a dataset as dense int codes: 0..card-1 for values, -1 for missing (any
 * reason). Integer columns (years, counts) are ranked by value. Immutable after construction; not API.
 */
public final class QiCodes {
  /** codes[j][row]. */
  public final int[][] codes;
  /** number of distinct values per QI (missing not counted). */
  public final int[] card;
  /** the dataset column of each QI. */
  public final int[] columns;
  /** bit offset of each QI's field in a key. */
  public final int[] shift;
  /** all-ones field value of each QI: the digit of a missing value (values are 0..card-1 below it). */
  public final long[] missingDigit;
  /** per QI, the key bits of its field. */
  public final long[] fieldMask;
  public final int rows;

  public QiCodes(Dataset data, List<String> qis) {
    int m = qis.size();
    rows = data.rowCount();
    codes = new int[m][];
    card = new int[m];
    columns = new int[m];
    shift = new int[m];
    missingDigit = new long[m];
    fieldMask = new long[m];
    int used = 0;
    for (int j = 0; j < m; j++) {
      String name = qis.get(j);
      int col = data.schema().indexOf(name);
      if (col < 0) {
        throw new RiskException("the dataset (schema " + data.schema().id() + ") has no variable '" + name + "'");
      }
      columns[j] = col;
      Variable v = data.variable(col);
      int[] c;
      if (v.kind().isClosed() && !v.isMultiValued()) {
        c = data.codes(col);
        // densify by the codes present, in value-set order
        int size = v.values().size();
        int[] map = new int[size];
        Arrays.fill(map, -1);
        for (int x : c) {
          if (x >= 0) {
            map[x] = 0;
          }
        }
        int next = 0;
        for (int i = 0; i < size; i++) {
          if (map[i] == 0) {
            map[i] = next++;
          }
        }
        for (int r = 0; r < rows; r++) {
          c[r] = c[r] < 0 ? -1 : map[c[r]];
        }
        card[j] = next;
      } else if (v.kind().isInteger()) {
        c = new int[rows];
        int[] values = new int[rows];
        int live = 0;
        for (int r = 0; r < rows; r++) {
          if (!data.isMissing(r, col)) {
            values[live++] = data.intValue(r, col);
          }
        }
        int[] sorted = Arrays.copyOf(values, live);
        Arrays.sort(sorted);
        int d = 0;
        for (int i = 0; i < live; i++) {
          if (i == 0 || sorted[i] != sorted[i - 1]) {
            sorted[d++] = sorted[i];
          }
        }
        for (int r = 0; r < rows; r++) {
          c[r] = data.isMissing(r, col) ? -1 : Arrays.binarySearch(sorted, 0, d, data.intValue(r, col));
        }
        card[j] = d;
      } else {
        throw new RiskException(
            "quasi-identifier '" + name + "' is " + (v.isMultiValued() ? "multi-valued" : v.kind().name().toLowerCase(java.util.Locale.ROOT))
                + ": only single-valued closed, year and count variables can be quasi-identifiers here");
      }
      codes[j] = c;
      int bits = 64 - Long.numberOfLeadingZeros(card[j]); // card values plus the all-ones missing digit
      bits = Math.max(bits, 1);
      if (used + bits > 63) {
        throw new RiskException("the quasi-identifiers have too many values to index (rule: the key of "
            + "ceil(log2(values + 1)) bits per quasi-identifier must fit in 63 bits; reached at '" + name + "')");
      }
      shift[j] = used;
      missingDigit[j] = (1L << bits) - 1;
      fieldMask[j] = missingDigit[j] << used;
      used += bits;
    }
  }

  /**
   * The key of a row: one bit field per QI (the first QI in the lowest bits), missing as all ones.
   *
   * @param row the row
   * @return the key
   */
  public long key(int row) {
    long k = 0;
    for (int j = 0; j < codes.length; j++) {
      int c = codes[j][row];
      k |= (c < 0 ? missingDigit[j] : c) << shift[j];
    }
    return k;
  }

  /**
   * Groups rows by key.
   *
   * @return distinct keys in ascending order, and per row the index of its key
   */
  public Grouping group() {
    long[] keys = new long[rows];
    for (int r = 0; r < rows; r++) {
      keys[r] = key(r);
    }
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int d = 0;
    for (int i = 0; i < rows; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[d++] = sorted[i];
      }
    }
    long[] distinct = Arrays.copyOf(sorted, d);
    int[] of = new int[rows];
    for (int r = 0; r < rows; r++) {
      of[r] = Arrays.binarySearch(distinct, keys[r]);
    }
    return new Grouping(distinct, of);
  }

  /**
   * Rows grouped by their QI combination.
   *
   * @param keys the distinct keys, ascending
   * @param comboOf per row the index into keys
   */
  public record Grouping(long[] keys, int[] comboOf) {}
}
