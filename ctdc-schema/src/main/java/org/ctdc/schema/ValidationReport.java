package org.ctdc.schema;

import java.util.List;

/**
 * What checking a data file against its schema found: how many rows were read, how many were valid, and
 * the cell errors, the first of them kept in file order up to a limit and all of them counted. A row is
 * invalid when it has at least one error; {@code rowsRead() == validRows() + invalidRows()} always. A row of
 * only delimiters (every field empty) is an invalid row with rule {@code empty-row}; a blank line (in a file
 * of two or more columns) is no row: it is skipped, gets no row number, and is counted in
 * {@link #blankLines()}, so every line of the file is accounted for.
 *
 * <p>Reports carry no record values (see {@link CellError}); they can be logged and shared. This class is
 * immutable and thread-safe.
 */
public final class ValidationReport {

  private final String file;
  private final long rowsRead;
  private final long invalidRows;
  private final List<CellError> errors;
  private final long errorCount;
  private final long blankLines;

  private ValidationReport(
      String file, long rowsRead, long invalidRows, List<CellError> errors, long errorCount, long blankLines) {
    if (blankLines < 0) {
      throw new IllegalArgumentException("blank lines must not be negative");
    }
    this.blankLines = blankLines;
    this.file = file;
    this.rowsRead = rowsRead;
    this.invalidRows = invalidRows;
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
    if (rowsRead < 0 || invalidRows < 0 || invalidRows > rowsRead) {
      throw new IllegalArgumentException("invalid rows must be between 0 and the rows read");
    }
    if (errorCount < this.errors.size() || (errorCount == 0) != (invalidRows == 0)) {
      throw new IllegalArgumentException(
          "the error count must cover the listed errors, and be 0 exactly when no row is invalid");
    }
    for (int i = 1; i < this.errors.size(); i++) {
      if (this.errors.get(i).row() < this.errors.get(i - 1).row()) {
        throw new IllegalArgumentException("errors must be in file order");
      }
    }
    assert rowsRead == validRows() + invalidRows;
  }

  /**
   * Creates a report.
   *
   * @param file the file name as it should appear in messages
   * @param rowsRead the number of data rows read (the header not counted)
   * @param invalidRows the number of rows with at least one error
   * @param errors the errors kept, in file order
   * @param errorCount the number of all errors found, kept or not
   * @return the report
   * @throws IllegalArgumentException if the counts contradict each other
   */
  public static ValidationReport of(
      String file, long rowsRead, long invalidRows, List<CellError> errors, long errorCount) {
    return new ValidationReport(file, rowsRead, invalidRows, errors, errorCount, 0);
  }

  /**
   * Creates a report of a file with blank lines.
   *
   * @param file the file name as it should appear in messages
   * @param rowsRead the number of data rows read (the header and blank lines not counted)
   * @param invalidRows the number of rows with at least one error
   * @param errors the errors kept, in file order
   * @param errorCount the number of all errors found, kept or not
   * @param blankLines the blank lines skipped
   * @return the report
   * @throws IllegalArgumentException if the counts contradict each other or one is negative
   */
  public static ValidationReport of(
      String file, long rowsRead, long invalidRows, List<CellError> errors, long errorCount, long blankLines) {
    return new ValidationReport(file, rowsRead, invalidRows, errors, errorCount, blankLines);
  }

  /** @return the blank lines skipped (not rows, not numbered) */
  public long blankLines() {
    return blankLines;
  }

  /** @return the file name as it appears in messages */
  public String file() {
    return file;
  }

  /** @return the number of data rows read, the header not counted */
  public long rowsRead() {
    return rowsRead;
  }

  /** @return the number of rows without any error */
  public long validRows() {
    return rowsRead - invalidRows;
  }

  /** @return the number of rows with at least one error */
  public long invalidRows() {
    return invalidRows;
  }

  /** @return the first errors found, in file order, at most the error limit of the read */
  public List<CellError> errors() {
    return errors;
  }

  /** @return the number of all errors found, including those beyond the limit */
  public long errorCount() {
    return errorCount;
  }

  /** @return whether errors were found beyond those kept */
  public boolean truncated() {
    return errorCount > errors.size();
  }

  /** @return whether the file has no error */
  public boolean isValid() {
    return errorCount == 0;
  }

  /**
   * One line on the whole file.
   *
   * @return such as {@code data.csv: 120 rows read, 118 valid, 2 invalid, 3 errors}
   */
  public String summary() {
    return file + ": " + rowsRead + " rows read, " + validRows() + " valid, " + invalidRows + " invalid, "
        + errorCount + (errorCount == 1 ? " error" : " errors")
        + (truncated() ? " (first " + errors.size() + " listed)" : "")
        + (blankLines == 0 ? "" : ", " + blankLines + (blankLines == 1 ? " blank line" : " blank lines") + " skipped");
  }

  /**
   * One line per error kept.
   *
   * @return lines {@code FILE:row R:column C: rule: detail}, in file order
   */
  public List<String> lines() {
    return errors.stream().map(e -> e.toLine(file)).toList();
  }

  @Override
  public String toString() {
    return "ValidationReport[" + summary() + "]";
  }
}
