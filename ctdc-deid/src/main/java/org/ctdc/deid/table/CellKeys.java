package org.ctdc.deid.table;

import java.util.SplittableRandom;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;

/**
 * Record keys and cell keys for cell-key perturbation (ABS TableBuilder, cellKey/ptable).
 *
 * <p>Each record gets a random integer key in {@code [0, 2^32)} once, stored with the microdata (as a
 * column that is never released). A cell's key is the sum of its records' keys modulo {@code 2^32}, so
 * the same set of records always yields the same cell key, in any order and in any table, and therefore
 * the same noise from a {@link PerturbationTable}. <b>Record keys must never be published</b>: whoever
 * holds them can recompute every cell key and undo the perturbation; the library never prints them.
 *
 * <p>This class is thread-safe (it has no state).
 */
public final class CellKeys {
  /** The key range {@code 2^32}: keys lie in {@code [0, KEY_RANGE)}. */
  public static final long KEY_RANGE = 1L << 32;

  private CellKeys() {}

  /**
   * Draws one record key per row, deterministically from the seed ({@link SplittableRandom}, the high 32
   * bits of each {@code nextLong()}).
   *
   * @param rows the number of records, at least 0
   * @param seed the seed; keep it secret like the keys
   * @return the keys, each in {@code [0, 2^32)}
   * @throws IllegalArgumentException if {@code rows} is negative
   */
  public static long[] assign(int rows, long seed) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must not be negative");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] keys = new long[rows];
    for (int i = 0; i < rows; i++) {
      keys[i] = rnd.nextLong() >>> 32;
    }
    return keys;
  }

  /**
   * Reads the record keys stored with the microdata: one key per row, written in decimal in a text
   * variable (an identifier column, never released), such as the output of {@link #assign} saved with the
   * records. Keys read this way travel with their records, so a table's perturbation does not depend on
   * the order of the rows.
   *
   * @param data the records
   * @param variable the name of the key variable (identifier or free text)
   * @return the keys, each in {@code [0, 2^32)}, in row order
   * @throws TableException naming the variable, and the row (1-based data row) and rule when a key is
   *     missing or not a whole number in {@code [0, 2^32)}; never the key itself
   */
  public static long[] fromVariable(Dataset data, String variable) {
    int col = data.schema().indexOf(variable);
    if (col < 0) {
      throw new TableException("recordKey: schema " + data.schema().id() + " has no variable '" + variable + "'");
    }
    Variable v = data.variable(col);
    if (!v.kind().isText()) {
      throw new TableException("recordKey: variable '" + variable
          + "' must be an identifier (text) column holding keys in [0, 2^32), not " + v.kind());
    }
    long[] keys = new long[data.rowCount()];
    for (int row = 0; row < keys.length; row++) {
      if (data.isMissing(row, col)) {
        throw badKey(variable, row, "is missing");
      }
      String t = data.text(row, col).strip();
      long k;
      try {
        k = t.length() > 12 ? -1 : Long.parseLong(t);
      } catch (NumberFormatException e) {
        k = -1;
      }
      if (k < 0 || k >= KEY_RANGE || t.startsWith("+")) {
        throw badKey(variable, row, "is not a whole number in [0, 2^32)");
      }
      keys[row] = k;
    }
    return keys;
  }

  private static TableException badKey(String variable, int row, String rule) {
    return new TableException("recordKey: variable '" + variable + "', data row " + (row + 1) + ": the record key "
        + rule);
  }

  /**
   * The key of a cell: the sum of the keys of its records modulo {@code 2^32}; independent of the order of
   * {@code rowsOfCell}. An empty cell has key 0.
   *
   * @param recordKeys every record's key, each in {@code [0, 2^32)}
   * @param rowsOfCell the rows (indexes into {@code recordKeys}) counted in the cell
   * @return the cell key in {@code [0, 2^32)}
   * @throws IllegalArgumentException if a row index is out of range or a key out of {@code [0, 2^32)} (the
   *     message names the row, never the key)
   */
  public static long cellKey(long[] recordKeys, int[] rowsOfCell) {
    long sum = 0;
    for (int row : rowsOfCell) {
      if (row < 0 || row >= recordKeys.length) {
        throw new IllegalArgumentException("row " + row + " is out of range (" + recordKeys.length + " records)");
      }
      long k = recordKeys[row];
      if (k < 0 || k >= KEY_RANGE) {
        throw new IllegalArgumentException("record key of row " + row + " is outside [0, 2^32)");
      }
      sum = (sum + k) & (KEY_RANGE - 1);
    }
    return sum;
  }
}
