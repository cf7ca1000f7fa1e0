package org.ctdc.schema.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable column of primitive arrays, written at a row index by the {@code Dataset.Appender}. Missing
 * cells take the negative constants of {@code Dataset}. Not thread-safe. Not API.
 */
public abstract sealed class ColumnBuilder
    permits ColumnBuilder.Codes, ColumnBuilder.Masks, ColumnBuilder.Ints, ColumnBuilder.Texts {

  /** Capacity of a fresh column. */
  static final int INITIAL = 16;

  /** The largest array size the JDK reliably allocates. */
  static final int MAX = Integer.MAX_VALUE - 8;

  ColumnBuilder() {}

  static int grow(int current, int needed) {
    if (needed > MAX) {
      throw new IllegalStateException("a dataset holds at most " + MAX + " rows");
    }
    long next = Math.max((long) needed, current + (current >> 1) + 1L);
    return (int) Math.min(next, MAX);
  }

  /**
   * Makes room for a row index.
   *
   * @param rows the number of rows the column must hold
   */
  public abstract void ensure(int rows);

  /**
   * The rows the column has room for.
   *
   * @return the capacity
   */
  public abstract int capacity();

  /**
   * Stores a missing cell.
   *
   * @param row the row index
   * @param code a negative missing constant
   */
  public abstract void setMissing(int row, int code);

  /**
   * Copies the first rows into an immutable column.
   *
   * @param rows the row count
   * @return the column
   */
  public abstract Column build(int rows);

  /** Single-valued closed codes. */
  public static final class Codes extends ColumnBuilder {
    private byte @Nullable [] small;
    private int @Nullable [] large;

    /** @param valueSetSize the number of codes of the variable's value set */
    public Codes(int valueSetSize) {
      if (valueSetSize <= Byte.MAX_VALUE) {
        small = new byte[INITIAL];
      } else {
        large = new int[INITIAL];
      }
    }

    @Override
    public int capacity() {
      return small != null ? small.length : java.util.Objects.requireNonNull(large).length;
    }

    @Override
    public void ensure(int rows) {
      if (small != null && small.length < rows) {
        small = Arrays.copyOf(small, grow(small.length, rows));
      } else if (large != null && large.length < rows) {
        large = Arrays.copyOf(large, grow(large.length, rows));
      }
    }

    /**
     * Stores a code index or missing constant.
     *
     * @param row the row index
     * @param value the value
     */
    public void set(int row, int value) {
      if (small != null) {
        small[row] = (byte) value;
      } else {
        java.util.Objects.requireNonNull(large)[row] = value;
      }
    }

    @Override
    public void setMissing(int row, int code) {
      set(row, code);
    }

    @Override
    public Column build(int rows) {
      return small != null
          ? new Column.Codes(Arrays.copyOf(small, rows), null)
          : new Column.Codes(null, Arrays.copyOf(java.util.Objects.requireNonNull(large), rows));
    }
  }

  /** Multi-valued closed codes as masks. */
  public static final class Masks extends ColumnBuilder {
    private long[] values = new long[INITIAL];

    /** Creates an empty column. */
    public Masks() {}

    @Override
    public int capacity() {
      return values.length;
    }

    @Override
    public void ensure(int rows) {
      if (values.length < rows) {
        values = Arrays.copyOf(values, grow(values.length, rows));
      }
    }

    /**
     * Stores a mask or missing constant.
     *
     * @param row the row index
     * @param mask the value
     */
    public void set(int row, long mask) {
      values[row] = mask;
    }

    @Override
    public void setMissing(int row, int code) {
      values[row] = code;
    }

    @Override
    public Column build(int rows) {
      return new Column.Masks(Arrays.copyOf(values, rows));
    }
  }

  /** Integers. */
  public static final class Ints extends ColumnBuilder {
    private int[] values = new int[INITIAL];
    private byte[] missing = new byte[INITIAL];

    /** Creates an empty column. */
    public Ints() {}

    @Override
    public int capacity() {
      return values.length;
    }

    @Override
    public void ensure(int rows) {
      if (values.length < rows) {
        int n = grow(values.length, rows);
        values = Arrays.copyOf(values, n);
        missing = Arrays.copyOf(missing, n);
      }
    }

    /**
     * Stores a value.
     *
     * @param row the row index
     * @param value the value
     */
    public void set(int row, int value) {
      values[row] = value;
      missing[row] = 0;
    }

    @Override
    public void setMissing(int row, int code) {
      values[row] = 0;
      missing[row] = (byte) code;
    }

    @Override
    public Column build(int rows) {
      return new Column.Ints(Arrays.copyOf(values, rows), Arrays.copyOf(missing, rows));
    }
  }

  /** Text. */
  public static final class Texts extends ColumnBuilder {
    private @Nullable String[] values = new String[INITIAL];
    private byte[] missing = new byte[INITIAL];

    /** Creates an empty column. */
    public Texts() {}

    @Override
    public int capacity() {
      return values.length;
    }

    @Override
    public void ensure(int rows) {
      if (values.length < rows) {
        int n = grow(values.length, rows);
        values = Arrays.copyOf(values, n);
        missing = Arrays.copyOf(missing, n);
      }
    }

    /**
     * Stores a text.
     *
     * @param row the row index
     * @param value the text
     */
    public void set(int row, String value) {
      values[row] = value;
      missing[row] = 0;
    }

    @Override
    public void setMissing(int row, int code) {
      values[row] = null;
      missing[row] = (byte) code;
    }

    @Override
    public Column build(int rows) {
      return new Column.Texts(Arrays.copyOf(values, rows), Arrays.copyOf(missing, rows));
    }
  }
}
