package org.ctdc.schema;

import org.jspecify.annotations.Nullable;

/**
 * A reader stopped part-way through a data file because it could not go on (a malformed quote the parser
 * cannot resynchronise after, invalid UTF-8, a record over a reading limit, an I/O failure): the call
 * returns no rows and no report, so nothing built from the rows before the fault can pass for the whole
 * file (issue 14). The exception says how far the reader got, with arithmetic that covers the file: rows
 * read before the fault = rows accepted + rows rejected; the row where it stopped and everything after it
 * were not read (their number is unknown: the parser cannot find where the records resume).
 *
 * <p>Message: {@code FILE: row R: RULE; reading stopped there: N rows read before it (A aligned|valid, J
 * rejected|invalid), row R and the rest of the file not read}. It names the file, the row, the field where
 * known and the rule, never a byte of the file. Thrown by {@link DatasetCsv#read}, {@link DatasetCsv#validate},
 * {@link InferredSchemas#fromCsv} and the aligner of ctdc-core; the command line exits with its own code
 * (4) for it. A file whose header row cannot be read is an ordinary {@link DataFormatException}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InputStoppedException extends DataFormatException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long row;
  private final String rule;
  private final long rowsRead;
  private final long rowsRejected;

  private InputStoppedException(
      String file, long row, String rule, long rowsRead, long rowsRejected, String accepted, String rejected,
      @Nullable Throwable cause) {
    super(file + ": row " + row + ": " + rule + "; reading stopped there: " + rowsRead
        + (rowsRead == 1 ? " row" : " rows") + " read before it ("
        + (rowsRead - rowsRejected) + " " + accepted + ", " + rowsRejected + " " + rejected + "), row " + row
        + " and the rest of the file not read", cause);
    this.file = file;
    this.row = row;
    this.rule = rule;
    this.rowsRead = rowsRead;
    this.rowsRejected = rowsRejected;
  }

  /**
   * The exception of a reader that stopped.
   *
   * @param file the file name as messages show it
   * @param row the 1-based data row where reading stopped, the first one not read (at least 1)
   * @param rule why, free of record values, such as {@code malformed CSV (an unclosed or stray quote)};
   *     it may start with the field, {@code field 3 (column 'x'): ...}
   * @param rowsRead the rows read before it, at most {@code row - 1}
   * @param rowsRejected of those, the rows rejected (or invalid)
   * @param accepted the word for the other rows read, such as {@code aligned} or {@code valid}
   * @param rejected the word for the rejected rows, such as {@code rejected} or {@code invalid}
   * @param cause the underlying failure, or null (never a parser exception whose message quotes the file)
   * @return the exception
   * @throws IllegalArgumentException if the counts contradict each other
   */
  public static InputStoppedException at(
      String file, long row, String rule, long rowsRead, long rowsRejected, String accepted, String rejected,
      @Nullable Throwable cause) {
    if (row < 1 || rowsRead < 0 || rowsRead >= row || rowsRejected < 0 || rowsRejected > rowsRead) {
      throw new IllegalArgumentException(
          "row " + row + ", rows read " + rowsRead + ", rejected " + rowsRejected + " contradict each other");
    }
    return new InputStoppedException(file, row, rule, rowsRead, rowsRejected, accepted, rejected, cause);
  }

  /** @return the file name as the message shows it */
  public String file() {
    return file;
  }

  /** @return the 1-based data row where reading stopped: it and every later row were not read */
  public long row() {
    return row;
  }

  /** @return why reading stopped, free of record values */
  public String rule() {
    return rule;
  }

  /** @return the rows read before the stop (accepted + rejected) */
  public long rowsRead() {
    return rowsRead;
  }

  /** @return the rows read before the stop that were accepted (aligned, or valid) */
  public long rowsAccepted() {
    return rowsRead - rowsRejected;
  }

  /** @return the rows read before the stop that were rejected (or invalid) */
  public long rowsRejected() {
    return rowsRejected;
  }
}
