package org.ctdc.schema;

/**
 * One cell (or row) of a data file that breaks a rule of its schema. The detail never contains the offending
 * token unless that token is a code of the variable's value set: a free-text name shifted into a closed
 * column by a broken export must not leak into a report. It says instead what kind of token was expected and
 * how long the offending token was.
 *
 * <p>Rules, stable across versions: {@code wrong-field-count} (the row has more or fewer fields than the
 * header; column {@code *}, the whole row), {@code not-in-value-set}, {@code not-a-flag},
 * {@code empty-code-in-set}, {@code duplicate-code-in-set}, {@code not-a-year}, {@code not-an-integer},
 * {@code below-minimum}, {@code above-maximum}, {@code empty-row} (every field of the row is empty, such as
 * {@code ,,,,}; column {@code *}).
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param row the 1-based data row number: the first record after the header is row 1 (a record that spans
 *     several lines through a quoted line break counts once)
 * @param column the header name of the column as written in the file, or {@code *} for the whole row
 * @param rule a short stable rule id, such as {@code not-in-value-set}
 * @param detail a human-readable explanation, free of record values
 */
public record CellError(long row, String column, String rule, String detail) {

  /** The column of an error that concerns the whole row. */
  public static final String WHOLE_ROW = "*";

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the row is below 1 or the column or rule is blank
   */
  public CellError {
    if (row < 1) {
      throw new IllegalArgumentException("a data row number starts at 1");
    }
    if (column.isBlank() || rule.isBlank()) {
      throw new IllegalArgumentException("a cell error needs a column and a rule");
    }
  }

  /**
   * The error as one line of a report.
   *
   * @param file the file name
   * @return {@code FILE:row R:column C: rule: detail}
   */
  public String toLine(String file) {
    return file + ":row " + row + ":column " + column + ": " + rule + ": " + detail;
  }
}
