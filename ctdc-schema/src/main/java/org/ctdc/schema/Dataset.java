package org.ctdc.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ctdc.schema.internal.Column;
import org.ctdc.schema.internal.ColumnBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A table typed by a {@link Schema}: one column per variable, rows addressed by index. Columns are stored
 * as primitive arrays, so that millions of rows cost a few bytes per cell and no object per row:
 *
 * <ul>
 *   <li>single-valued closed variables (categorical, ordered band, country, flag): a code, the index into
 *       the variable's {@link ValueSet} (for flags 0 is no and 1 is yes), read with {@link #code(int, int)};
 *   <li>multi-valued closed variables: a bit mask, bit {@code i} set when code {@code i} is present, read
 *       with {@link #codeSet(int, int)};
 *   <li>years and counts: an {@code int}, read with {@link #intValue(int, int)};
 *   <li>free text and identifiers: a {@code String}, read with {@link #text(int, int)}.
 * </ul>
 *
 * <p>Every cell may instead be missing, with a {@link MissingReason}. {@link #code(int, int)} and
 * {@link #codeSet(int, int)} return a missing cell as one of the negative constants
 * {@link #MISSING_UNKNOWN}, {@link #MISSING_NOT_COLLECTED} and {@link #MISSING_NOT_APPLICABLE}, so that a
 * value is never confused with a missing one; the other accessors refuse a missing cell.
 *
 * <p>Accessing a column with the accessor of another kind throws {@link IllegalStateException} naming the
 * variable and its kind. Messages never carry a cell's value.
 *
 * <p>Build a dataset with {@link #appender(Schema)}, or read one with {@link DatasetCsv}. This class is
 * immutable and thread-safe: its arrays are copied on {@link Appender#build()} and never exposed.
 * {@link #equals(Object)} compares the schema and every cell, for tests; {@link #toString()} shows only the
 * schema id and the row count.
 */
public final class Dataset {

  /** A missing cell whose reason is {@link MissingReason#UNKNOWN}. */
  public static final int MISSING_UNKNOWN = -1;

  /** A missing cell whose reason is {@link MissingReason#NOT_COLLECTED}. */
  public static final int MISSING_NOT_COLLECTED = -2;

  /** A missing cell whose reason is {@link MissingReason#NOT_APPLICABLE}. */
  public static final int MISSING_NOT_APPLICABLE = -3;

  /** A missing cell whose reason is {@link MissingReason#SUPPRESSED} (withheld for disclosure control). */
  public static final int MISSING_SUPPRESSED = -4;

  private final Schema schema;
  private final Column[] columns;
  private final int rows;

  private Dataset(Schema schema, Column[] columns, int rows) {
    this.schema = schema;
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Starts an empty dataset of a schema.
   *
   * @param schema the schema
   * @return a new appender, not thread-safe
   */
  public static Appender appender(Schema schema) {
    return new Appender(schema);
  }

  /**
   * The missing constant of a reason.
   *
   * @param reason the reason
   * @return {@link #MISSING_UNKNOWN}, {@link #MISSING_NOT_COLLECTED} or {@link #MISSING_NOT_APPLICABLE}
   */
  public static int missingCode(MissingReason reason) {
    return Column.missingCode(reason);
  }

  /** @return the schema */
  public Schema schema() {
    return schema;
  }

  /** @return the number of rows */
  public int rowCount() {
    return rows;
  }

  /** @return the number of columns, the number of the schema's variables */
  public int columnCount() {
    return columns.length;
  }

  /**
   * The column index of a variable.
   *
   * @param name the exact variable name
   * @return the index
   * @throws IllegalArgumentException naming the variable when the schema has no such variable
   */
  public int column(String name) {
    int i = schema.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("schema " + schema.id() + " has no variable '" + name + "'");
    }
    return i;
  }

  /**
   * The variable of a column.
   *
   * @param col the column index
   * @return the variable
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Variable variable(int col) {
    return schema.variables().get(col);
  }

  /**
   * Whether a cell is missing.
   *
   * @param row the row index
   * @param col the column index
   * @return true when missing, whatever the reason
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public boolean isMissing(int row, int col) {
    return cell(row, col).missing(row) != 0;
  }

  /**
   * Why a cell is missing.
   *
   * @param row the row index
   * @param col the column index
   * @return the reason, or empty when the cell holds a value
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public Optional<MissingReason> missingReason(int row, int col) {
    int m = cell(row, col).missing(row);
    return m == 0 ? Optional.empty() : Optional.of(Column.reasonOf(m));
  }

  /**
   * The code of a single-valued closed cell (categorical, ordered band, country, flag).
   *
   * @param row the row index
   * @param col the column index
   * @return the index into the variable's value set (for flags 0 no, 1 yes), or a negative missing constant
   * @throws IllegalStateException if the variable is not single-valued closed
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public int code(int row, int col) {
    if (!(cell(row, col) instanceof Column.Codes c)) {
      throw wrongKind(col, "code()");
    }
    return c.get(row);
  }

  /**
   * The codes of a multi-valued closed cell.
   *
   * @param row the row index
   * @param col the column index
   * @return a mask with bit {@code i} set when code {@code i} is present, or a negative missing constant
   * @throws IllegalStateException if the variable is not multi-valued
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public long codeSet(int row, int col) {
    if (!(cell(row, col) instanceof Column.Masks m)) {
      throw wrongKind(col, "codeSet()");
    }
    return m.get(row);
  }

  /**
   * The value of a year or count cell.
   *
   * @param row the row index
   * @param col the column index
   * @return the value
   * @throws IllegalStateException if the variable is not a year or count, or the cell is missing
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public int intValue(int row, int col) {
    if (!(cell(row, col) instanceof Column.Ints c)) {
      throw wrongKind(col, "intValue()");
    }
    if (c.missing(row) != 0) {
      throw missingCell(row, col);
    }
    return c.get(row);
  }

  /**
   * The value of a free-text or identifier cell.
   *
   * @param row the row index
   * @param col the column index
   * @return the text
   * @throws IllegalStateException if the variable is not free text or an identifier, or the cell is missing
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public String text(int row, int col) {
    if (!(cell(row, col) instanceof Column.Texts c)) {
      throw wrongKind(col, "text()");
    }
    String s = c.get(row);
    if (s == null) {
      throw missingCell(row, col);
    }
    return s;
  }

  /**
   * A cell as the schema's release format writes it: the first missing token for a missing cell, the flag
   * tokens for a flag, the code for a closed cell, the codes in value-set order joined with
   * {@link Variable#separatorIn(ReleaseFormat)} for a multi-valued cell, the decimal number for a year or
   * count, the text as it is.
   *
   * @param row the row index
   * @param col the column index
   * @return the token
   * @throws IndexOutOfBoundsException if the row or column is out of range
   */
  public String token(int row, int col) {
    Column c = cell(row, col);
    ReleaseFormat format = schema.format();
    if (c.missing(row) != 0) {
      return format.missingWritten();
    }
    Variable v = variable(col);
    if (c instanceof Column.Codes codes) {
      int code = codes.get(row);
      if (v.kind() == VariableKind.FLAG) {
        return code == 1 ? format.flagTrue() : format.flagFalse();
      }
      return v.values().code(code).code();
    } else if (c instanceof Column.Masks masks) {
      return joinCodes(v, masks.get(row), v.separatorIn(format));
    } else if (c instanceof Column.Ints ints) {
      return Integer.toString(ints.get(row));
    } else {
      return Objects.requireNonNull(((Column.Texts) c).get(row));
    }
  }

  private static String joinCodes(Variable v, long mask, String separator) {
    StringBuilder sb = new StringBuilder();
    ValueSet vs = v.values();
    long rest = mask;
    while (rest != 0) {
      int i = Long.numberOfTrailingZeros(rest);
      rest &= rest - 1;
      if (sb.length() > 0) {
        sb.append(separator);
      }
      sb.append(vs.code(i).code());
    }
    return sb.toString();
  }

  /**
   * A copy of a single-valued closed column, for de-identification.
   *
   * @param col the column index
   * @return one code (or negative missing constant) per row, a new array
   * @throws IllegalStateException if the variable is not single-valued closed
   * @throws IndexOutOfBoundsException if the column is out of range
   */
  public int[] codes(int col) {
    if (!(columns[Objects.checkIndex(col, columns.length)] instanceof Column.Codes c)) {
      throw wrongKind(col, "codes()");
    }
    return c.toIntArray();
  }

  /**
   * A copy of a multi-valued closed column.
   *
   * @param col the column index
   * @return one mask (or negative missing constant) per row, a new array
   * @throws IllegalStateException if the variable is not multi-valued
   * @throws IndexOutOfBoundsException if the column is out of range
   */
  public long[] codeSets(int col) {
    if (!(columns[Objects.checkIndex(col, columns.length)] instanceof Column.Masks m)) {
      throw wrongKind(col, "codeSets()");
    }
    return m.toLongArray();
  }

  private Column cell(int row, int col) {
    Column c = columns[Objects.checkIndex(col, columns.length)];
    Objects.checkIndex(row, rows);
    return c;
  }

  private IllegalStateException wrongKind(int col, String accessor) {
    return new IllegalStateException(
        "variable '" + variable(col).name() + "' is " + describe(variable(col)) + ": " + accessor
            + " does not apply");
  }

  private IllegalStateException missingCell(int row, int col) {
    return new IllegalStateException(
        "row " + row + " of variable '" + variable(col).name() + "' is missing; check isMissing() first");
  }

  /**
   * Describes a variable's kind in the words of the schema file format.
   *
   * @param v the variable
   * @return such as {@code multi-valued categorical}
   */
  static String describe(Variable v) {
    String k =
        switch (v.kind()) {
          case ORDERED_BAND -> "orderedBand";
          case FREE_TEXT -> "freeText";
          default -> v.kind().name().toLowerCase(Locale.ROOT);
        };
    return v.isMultiValued() ? "multi-valued " + k : k;
  }

  /**
   * Equal when the schemas are equal and every cell is equal, missing reasons included.
   *
   * @param o the other object
   * @return whether equal
   */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Dataset d
        && d.rows == rows
        && d.schema.equals(schema)
        && Arrays.equals(d.columns, columns);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * schema.hashCode() + rows) + Arrays.hashCode(columns);
  }

  /** @return the schema id and the row count, never a value */
  @Override
  public String toString() {
    return "Dataset[" + schema.id() + ", " + rows + " rows]";
  }

  /**
   * Appends rows to a new {@link Dataset}: set the cells of a row in any order, then {@link #endRow()}.
   * Cells not set in a row are missing with reason {@link MissingReason#UNKNOWN}. Arrays grow as needed.
   * Every setter checks its value against the variable (kind, code range, bounds) and names the variable
   * on failure, never the value unless it is a code index.
   *
   * <p>This class is not thread-safe.
   */
  public static final class Appender {
    private final Schema schema;
    private final List<Variable> variables;
    private final ColumnBuilder[] builders;
    private final boolean[] set;
    private int rows;
    private int setCount;

    // for appendRow(): per column its kind and bounds, read once from the schema
    private static final byte KIND_CODES = 0;
    private static final byte KIND_MASKS = 1;
    private static final byte KIND_INTS = 2;
    private static final byte KIND_TEXTS = 3;
    private final byte[] kinds;
    /** Codes and masks: the value set's size; integers: the minimum. */
    private final int[] lower;
    /** Integers: the maximum. */
    private final int[] upper;
    /** The rows every builder has room for (a lower bound). */
    private int capacity;

    private Appender(Schema schema) {
      this.schema = schema;
      this.variables = schema.variables();
      this.builders = new ColumnBuilder[variables.size()];
      this.set = new boolean[variables.size()];
      this.kinds = new byte[builders.length];
      this.lower = new int[builders.length];
      this.upper = new int[builders.length];
      for (int i = 0; i < builders.length; i++) {
        Variable v = variables.get(i);
        if (v.kind().isClosed()) {
          kinds[i] = v.isMultiValued() ? KIND_MASKS : KIND_CODES;
          lower[i] = v.values().size();
        } else if (v.kind().isInteger()) {
          kinds[i] = KIND_INTS;
          lower[i] = minimumOf(v);
          upper[i] = v.maximum().orElse(Integer.MAX_VALUE);
        } else {
          kinds[i] = KIND_TEXTS;
        }
        if (v.kind().isClosed()) {
          builders[i] =
              v.isMultiValued() ? new ColumnBuilder.Masks() : new ColumnBuilder.Codes(v.values().size());
        } else if (v.kind().isInteger()) {
          builders[i] = new ColumnBuilder.Ints();
        } else {
          builders[i] = new ColumnBuilder.Texts();
        }
      }
    }

    private ColumnBuilder prepare(int col) {
      ColumnBuilder b = builders[Objects.checkIndex(col, builders.length)];
      b.ensure(rows + 1);
      if (!set[col]) {
        set[col] = true;
        setCount++;
      }
      return b;
    }

    private IllegalStateException wrongKind(int col, String setter) {
      Variable v = variables.get(col);
      return new IllegalStateException(
          "variable '" + v.name() + "' is " + describe(v) + ": " + setter + " does not apply");
    }

    /**
     * Sets a single-valued closed cell (categorical, ordered band, country, flag).
     *
     * @param col the column index
     * @param index the code's index in the variable's value set (for flags 0 no, 1 yes)
     * @return this appender
     * @throws IllegalArgumentException naming the variable if the index is out of range
     * @throws IllegalStateException if the variable is not single-valued closed
     * @throws IndexOutOfBoundsException if the column is out of range
     */
    public Appender setCode(int col, int index) {
      if (!(builders[Objects.checkIndex(col, builders.length)] instanceof ColumnBuilder.Codes)) {
        throw wrongKind(col, "setCode()");
      }
      int size = variables.get(col).values().size();
      if (index < 0 || index >= size) {
        throw new IllegalArgumentException(
            "code index " + index + " is out of range for variable '" + variables.get(col).name()
                + "' (" + size + " codes)");
      }
      ((ColumnBuilder.Codes) prepare(col)).set(rows, index);
      return this;
    }

    /**
     * Sets a multi-valued closed cell.
     *
     * @param col the column index
     * @param mask bit {@code i} set when code {@code i} is present; not empty
     * @return this appender
     * @throws IllegalArgumentException naming the variable if the mask is empty or has a bit beyond the
     *     value set
     * @throws IllegalStateException if the variable is not multi-valued
     * @throws IndexOutOfBoundsException if the column is out of range
     */
    public Appender setCodeSet(int col, long mask) {
      if (!(builders[Objects.checkIndex(col, builders.length)] instanceof ColumnBuilder.Masks)) {
        throw wrongKind(col, "setCodeSet()");
      }
      Variable v = variables.get(col);
      int size = v.values().size();
      if (mask == 0) {
        throw new IllegalArgumentException(
            "empty code set for variable '" + v.name() + "'; an absent value is set with setMissing()");
      }
      if (mask < 0 || (size < 63 && (mask >>> size) != 0)) {
        throw new IllegalArgumentException(
            "code set has a code index beyond the " + size + " codes of variable '" + v.name() + "'");
      }
      ((ColumnBuilder.Masks) prepare(col)).set(rows, mask);
      return this;
    }

    /**
     * Sets a year or count cell.
     *
     * @param col the column index
     * @param value the value, within the variable's bounds (a count without a minimum is at least 0)
     * @return this appender
     * @throws IllegalArgumentException naming the variable and the bound if the value is out of bounds
     * @throws IllegalStateException if the variable is not a year or count
     * @throws IndexOutOfBoundsException if the column is out of range
     */
    public Appender setInt(int col, int value) {
      if (!(builders[Objects.checkIndex(col, builders.length)] instanceof ColumnBuilder.Ints)) {
        throw wrongKind(col, "setInt()");
      }
      Variable v = variables.get(col);
      int min = minimumOf(v);
      int max = v.maximum().orElse(Integer.MAX_VALUE);
      if (value < min) {
        throw new IllegalArgumentException(
            "a value of variable '" + v.name() + "' is below its minimum " + min);
      }
      if (value > max) {
        throw new IllegalArgumentException(
            "a value of variable '" + v.name() + "' is above its maximum " + max);
      }
      ((ColumnBuilder.Ints) prepare(col)).set(rows, value);
      return this;
    }

    /**
     * Sets a free-text or identifier cell.
     *
     * @param col the column index
     * @param text the text
     * @return this appender
     * @throws IllegalStateException if the variable is not free text or an identifier
     * @throws IndexOutOfBoundsException if the column is out of range
     */
    public Appender setText(int col, String text) {
      Objects.requireNonNull(text, "text");
      if (!(builders[Objects.checkIndex(col, builders.length)] instanceof ColumnBuilder.Texts)) {
        throw wrongKind(col, "setText()");
      }
      ((ColumnBuilder.Texts) prepare(col)).set(rows, text);
      return this;
    }

    /**
     * Sets a cell missing, of any kind.
     *
     * @param col the column index
     * @param reason why it is missing
     * @return this appender
     * @throws IndexOutOfBoundsException if the column is out of range
     */
    public Appender setMissing(int col, MissingReason reason) {
      prepare(col).setMissing(rows, Column.missingCode(reason));
      return this;
    }

    /**
     * Appends a whole row of closed and integer cells in one call: the same cells, with the same checks
     * and messages, as {@link #setCode}, {@link #setCodeSet}, {@link #setInt} or {@link #setMissing} for
     * every column followed by {@link #endRow()}, without the per-call overhead. A row that fails a check
     * is not appended: the appender stays as it was.
     *
     * @param values per column: a single-valued closed cell's code index or a year's or count's value;
     *     ignored for multi-valued and missing cells
     * @param masks per column: a multi-valued cell's code set; ignored for other and missing cells
     * @param missing per column: 0 when the cell is present, else the missing constant of its reason
     *     ({@link #MISSING_UNKNOWN} and the others); a free-text or identifier cell must be missing
     * @return this appender
     * @throws IllegalArgumentException naming the variable if a value is out of range or bounds, a code
     *     set is empty or too wide, an array is shorter than the schema, or a missing constant is unknown
     * @throws IllegalStateException if cells of the current row were set one by one and not ended, or a
     *     free-text or identifier cell is not missing, or the dataset would exceed the largest array size
     */
    public Appender appendRow(int[] values, long[] masks, int[] missing) {
      int n = builders.length;
      if (values.length < n || masks.length < n || missing.length < n) {
        throw new IllegalArgumentException(
            "appendRow() needs arrays of at least " + n + " cells, one per variable");
      }
      if (setCount > 0) {
        throw new IllegalStateException("row " + rows + " has cells set but is not ended; call endRow()");
      }
      if (rows >= capacity) {
        // room for this row in every column, each growing as with the cell setters
        int room = Integer.MAX_VALUE;
        for (ColumnBuilder b : builders) {
          b.ensure(rows + 1);
          room = Math.min(room, b.capacity());
        }
        capacity = room;
      }
      // one pass that checks and writes each cell at index rows: when a cell fails, the row is not
      // counted, and the cells already written are overwritten by the next row (appendRow() and endRow()
      // write every column), so the appender stays as it was
      int r = rows;
      for (int col = 0; col < n; col++) {
        int m = missing[col];
        ColumnBuilder b = builders[col];
        if (m != 0) {
          if (m > MISSING_UNKNOWN || m < MISSING_SUPPRESSED) {
            throw new IllegalArgumentException(
                "unknown missing constant " + m + " for variable '" + variables.get(col).name() + "'");
          }
          switch (kinds[col]) {
            case KIND_CODES -> ((ColumnBuilder.Codes) b).set(r, m);
            case KIND_MASKS -> ((ColumnBuilder.Masks) b).set(r, m);
            case KIND_INTS -> ((ColumnBuilder.Ints) b).setMissing(r, m);
            default -> ((ColumnBuilder.Texts) b).setMissing(r, m);
          }
          continue;
        }
        switch (kinds[col]) {
          case KIND_CODES -> {
            int index = values[col];
            if (index < 0 || index >= lower[col]) {
              throw new IllegalArgumentException(
                  "code index " + index + " is out of range for variable '" + variables.get(col).name()
                      + "' (" + lower[col] + " codes)");
            }
            ((ColumnBuilder.Codes) b).set(r, index);
          }
          case KIND_MASKS -> {
            long mask = masks[col];
            int size = lower[col];
            if (mask == 0) {
              throw new IllegalArgumentException("empty code set for variable '" + variables.get(col).name()
                  + "'; an absent value is set with setMissing()");
            }
            if (mask < 0 || (size < 63 && (mask >>> size) != 0)) {
              throw new IllegalArgumentException("code set has a code index beyond the " + size
                  + " codes of variable '" + variables.get(col).name() + "'");
            }
            ((ColumnBuilder.Masks) b).set(r, mask);
          }
          case KIND_INTS -> {
            int value = values[col];
            if (value < lower[col]) {
              throw new IllegalArgumentException("a value of variable '" + variables.get(col).name()
                  + "' is below its minimum " + lower[col]);
            }
            if (value > upper[col]) {
              throw new IllegalArgumentException("a value of variable '" + variables.get(col).name()
                  + "' is above its maximum " + upper[col]);
            }
            ((ColumnBuilder.Ints) b).set(r, value);
          }
          default -> throw wrongKind(col, "a present cell of appendRow()");
        }
      }
      rows++;
      return this;
    }

    /**
     * Ends the current row; cells not set are missing with reason {@link MissingReason#UNKNOWN}.
     *
     * @return this appender
     * @throws IllegalStateException if the dataset would exceed the largest array size
     */
    public Appender endRow() {
      if (setCount < builders.length) {
        for (int i = 0; i < builders.length; i++) {
          if (!set[i]) {
            builders[i].ensure(rows + 1);
            builders[i].setMissing(rows, MISSING_UNKNOWN);
          }
        }
      }
      Arrays.fill(set, false);
      setCount = 0;
      rows++;
      return this;
    }

    /** @return the number of rows ended so far */
    public int rowCount() {
      return rows;
    }

    /**
     * Copies the rows ended so far into an immutable dataset. The appender stays usable.
     *
     * @return the dataset
     * @throws IllegalStateException if a row has cells set but is not ended
     */
    public Dataset build() {
      if (setCount > 0) {
        throw new IllegalStateException("row " + rows + " has cells set but is not ended; call endRow()");
      }
      Column[] cols = new Column[builders.length];
      for (int i = 0; i < cols.length; i++) {
        cols[i] = builders[i].build(rows);
      }
      return new Dataset(schema, cols, rows);
    }
  }

  /**
   * The smallest allowed value of a year or count: its minimum, else 0 for a count, else no bound.
   *
   * @param v a year or count variable
   * @return the minimum
   */
  static int minimumOf(Variable v) {
    return v.minimum().orElse(v.kind() == VariableKind.COUNT ? 0 : Integer.MIN_VALUE);
  }
}
