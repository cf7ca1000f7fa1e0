package org.ctdc.schema.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One immutable column of a {@code Dataset}: primitive arrays trimmed to the row count, never exposed.
 * Missing values are stored as the negative constants of {@code Dataset} ({@code -1} unknown, {@code -2}
 * not collected, {@code -3} not applicable); {@link #missing(int)} returns that constant or 0 when the cell
 * holds a value.
 *
 * <p>Instances are immutable and thread-safe. Not API.
 */
public abstract sealed class Column permits Column.Codes, Column.Masks, Column.Ints, Column.Texts {

  Column() {}

  /**
   * The missing constant of a cell.
   *
   * @param row the row index
   * @return 0 when the cell holds a value, else a negative missing constant
   */
  public abstract int missing(int row);

  /**
   * The missing code of a reason, the negation of its ordinal plus one.
   *
   * @param reason the reason
   * @return -1, -2 or -3
   */
  public static int missingCode(org.ctdc.schema.MissingReason reason) {
    return -(reason.ordinal() + 1);
  }

  /**
   * The reason of a missing code.
   *
   * @param code -1, -2 or -3
   * @return the reason
   */
  public static org.ctdc.schema.MissingReason reasonOf(int code) {
    return org.ctdc.schema.MissingReason.values()[-code - 1];
  }

  /** Single-valued closed codes, stored as bytes when the value set has at most 127 codes. */
  public static final class Codes extends Column {
    private final byte @Nullable [] small;
    private final int @Nullable [] large;

    Codes(byte @Nullable [] small, int @Nullable [] large) {
      this.small = small;
      this.large = large;
    }

    /**
     * The code index of a row, or a negative missing constant.
     *
     * @param row the row index
     * @return the stored value
     */
    public int get(int row) {
      return small != null ? small[row] : large()[row];
    }

    private int[] large() {
      return java.util.Objects.requireNonNull(large);
    }

    @Override
    public int missing(int row) {
      int v = get(row);
      return v < 0 ? v : 0;
    }

    /**
     * A copy of the column as ints.
     *
     * @return a new array
     */
    public int[] toIntArray() {
      if (small == null) {
        return large().clone();
      }
      int[] out = new int[small.length];
      for (int i = 0; i < small.length; i++) {
        out[i] = small[i];
      }
      return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Codes c && Arrays.equals(toIntArray(), c.toIntArray());
    }

    @Override
    public int hashCode() {
      int h = 1;
      int n = small != null ? small.length : large().length;
      for (int i = 0; i < n; i++) {
        h = 31 * h + get(i);
      }
      return h;
    }
  }

  /** Multi-valued closed codes as bit masks (bit i = code i present); negative = missing. */
  public static final class Masks extends Column {
    private final long[] values;

    Masks(long[] values) {
      this.values = values;
    }

    /**
     * The mask of a row, or a negative missing constant.
     *
     * @param row the row index
     * @return the stored value
     */
    public long get(int row) {
      return values[row];
    }

    /**
     * A copy of the column.
     *
     * @return a new array
     */
    public long[] toLongArray() {
      return values.clone();
    }

    @Override
    public int missing(int row) {
      long v = values[row];
      return v < 0 ? (int) v : 0;
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Masks m && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(values);
    }
  }

  /** Integers (years, counts) with a parallel missing marker. */
  public static final class Ints extends Column {
    private final int[] values;
    private final byte[] missing;

    Ints(int[] values, byte[] missing) {
      this.values = values;
      this.missing = missing;
    }

    /**
     * The value of a row; meaningless when the cell is missing.
     *
     * @param row the row index
     * @return the stored value
     */
    public int get(int row) {
      return values[row];
    }

    @Override
    public int missing(int row) {
      return missing[row];
    }

    @Override
    public boolean equals(@Nullable Object o) {
      if (!(o instanceof Ints c) || !Arrays.equals(missing, c.missing)) {
        return false;
      }
      for (int i = 0; i < values.length; i++) {
        if (missing[i] == 0 && values[i] != c.values[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = Arrays.hashCode(missing);
      for (int i = 0; i < values.length; i++) {
        h = 31 * h + (missing[i] == 0 ? values[i] : 0);
      }
      return h;
    }
  }

  /** Text (free text, identifiers) with a parallel missing marker; null where missing. */
  public static final class Texts extends Column {
    private final @Nullable String[] values;
    private final byte[] missing;

    Texts(@Nullable String[] values, byte[] missing) {
      this.values = values;
      this.missing = missing;
    }

    /**
     * The text of a row.
     *
     * @param row the row index
     * @return the text, or null when missing
     */
    public @Nullable String get(int row) {
      return values[row];
    }

    @Override
    public int missing(int row) {
      return missing[row];
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Texts c && Arrays.equals(missing, c.missing) && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(missing) + Arrays.hashCode(values);
    }
  }
}
