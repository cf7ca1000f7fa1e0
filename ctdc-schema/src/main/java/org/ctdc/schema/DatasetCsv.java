package org.ctdc.schema;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import org.ctdc.schema.internal.CsvDatasetReader;
import org.ctdc.schema.internal.CsvDatasetWriter;
import org.ctdc.schema.internal.Utf8Input;

/**
 * Reads, validates and writes a {@link Dataset} as a CSV file under its schema's {@link ReleaseFormat}.
 *
 * <p><b>Reading.</b> The file is UTF-8 (a byte-order mark is skipped), with LF or CRLF line ends and with
 * or without a final line end. The first record is the header; each header name is matched to a variable by
 * its exact name, else case-insensitively, else by one of the variable's {@link Variable#previousNames()}
 * (exactly, then case-insensitively); surrounding blanks of a header name are ignored. Columns may come in
 * any order. With {@link CsvOptions#strictHeader()} a column that matches no variable, and a variable
 * without a column, are a {@link DataFormatException}; without it such columns are ignored and such
 * variables are missing with reason {@link MissingReason#NOT_COLLECTED}.
 *
 * <p>Each field is read by its variable's kind: for a flag the format's {@code flagTrue} and
 * {@code flagFalse} are checked first, then the missing tokens; for every other kind a missing token is a
 * missing value with reason {@link MissingReason#UNKNOWN}; a closed value is a code or an alias of its value
 * set; a multi-valued one is split on {@link Variable#separatorIn(ReleaseFormat)} and each part is a code or
 * alias, in any order, none twice; a year or count is a decimal integer within the variable's bounds (a
 * count is never negative); text is taken as it is. A field is never trimmed.
 *
 * <p>A row with the wrong number of fields or with a field breaking these rules is reported as
 * {@link CellError}s in the {@link ValidationReport} and left out of the dataset, never half-stored; the
 * dataset holds the valid rows, in file order. A row of only delimiters ({@code ,,,,}: two or more fields,
 * all empty or blank) in which no cell has a value (each would be missing, or is invalid) is invalid with
 * rule {@code empty-row}, never a record with every value missing; where the format reads an empty field as
 * a value (an unset flag of {@link ReleaseFormat#CTDC_SYNTHETIC}, text) the row is read as usual. A blank line in a file of two or more columns
 * is no row: it is skipped, not numbered, and counted ({@link ValidationReport#blankLines()}).
 *
 * <p>A header that cannot be read or does not match the schema is a {@link DataFormatException}. A file the
 * reader cannot read to its end (a malformed quote, invalid UTF-8, a record over a limit, an I/O failure)
 * is an {@link InputStoppedException}: no rows and no report are returned, and the message says where it
 * stopped, how many rows were read before (valid + invalid) and that the rest was not read. Invalid UTF-8 is
 * reported at the row and field that hold the bad bytes, with their byte offset, when the file is given as a
 * {@link Path} (a {@link Reader} decodes as its creator chose). No message and no report carries a record
 * value.
 *
 * <p><b>Writing.</b> The header is the variable names in order; each cell is written as
 * {@link Dataset#token(int, int)} gives it, through the {@link FormulaGuard} unless {@link CsvWriteOptions}
 * turn it off (a cell a spreadsheet would run as a formula gets a {@code '} in front; numbers such as
 * {@code -99} are left alone); fields are quoted only when they hold the delimiter, a quote or a
 * line break; lines end with LF, the last one included. The same dataset always gives the same bytes, and
 * reading them gives an equal dataset as long as every missing value has reason
 * {@link MissingReason#UNKNOWN}, no value is written as a missing token (a release format cannot tell
 * these apart; see {@link ReleaseFormat}), the guard neutralised no cell (the reader keeps the quote), and,
 * under a format whose missing token is empty, no row of two or more columns has every value missing (it is
 * written as a row of only delimiters, which reads as an {@code empty-row}).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DatasetCsv {

  private DatasetCsv() {}

  /**
   * How a file is read, with the limits that keep a hostile or broken file from exhausting memory.
   *
   * <p>A file over a limit is a {@link DataFormatException} naming the file, the row and (for a field) the
   * column, and the limit; no rows are returned. The limits are documented in {@code docs/limits.md}.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param errorLimit the most cell errors kept in a report (all are counted); at least 0
   * @param strictHeader whether a column outside the schema, or a variable without a column, fails the read
   * @param maxFieldLength the most characters (UTF-16 units) in one field, header names included; at least 1
   * @param maxColumns the most fields in one record, the header included; at least 1
   * @param maxRows the most data rows (after the header) in one file; at least 0 and at most
   *     {@link #MAX_ROWS}, the most a {@link Dataset} holds
   */
  public record CsvOptions(
      int errorLimit, boolean strictHeader, int maxFieldLength, int maxColumns, long maxRows) {

    /** The default and largest field length: 1 MiB of characters. */
    public static final int DEFAULT_MAX_FIELD_LENGTH = 1 << 20;

    /** The default most fields in a record. */
    public static final int DEFAULT_MAX_COLUMNS = 10_000;

    /** The most rows a dataset holds, and the default row limit. */
    public static final long MAX_ROWS = Integer.MAX_VALUE - 8;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the error limit is negative, a field or column limit is below 1
     *     or the row limit is outside 0 to {@link #MAX_ROWS}
     */
    public CsvOptions {
      if (errorLimit < 0) {
        throw new IllegalArgumentException("errorLimit must not be negative, was " + errorLimit);
      }
      if (maxFieldLength < 1) {
        throw new IllegalArgumentException("maxFieldLength must be at least 1, was " + maxFieldLength);
      }
      if (maxColumns < 1) {
        throw new IllegalArgumentException("maxColumns must be at least 1, was " + maxColumns);
      }
      if (maxRows < 0 || maxRows > MAX_ROWS) {
        throw new IllegalArgumentException("maxRows must be between 0 and " + MAX_ROWS + ", was " + maxRows);
      }
    }

    /**
     * Options with the default limits.
     *
     * @param errorLimit the most cell errors kept in a report; at least 0
     * @param strictHeader whether the header must match the schema exactly (up to case and previous names)
     * @throws IllegalArgumentException if the error limit is negative
     */
    public CsvOptions(int errorLimit, boolean strictHeader) {
      this(errorLimit, strictHeader, DEFAULT_MAX_FIELD_LENGTH, DEFAULT_MAX_COLUMNS, MAX_ROWS);
    }

    /** @return error limit 1000, strict header, the default limits */
    public static CsvOptions defaults() {
      return new CsvOptions(1000, true);
    }

    /**
     * A copy with another error limit.
     *
     * @param limit the most cell errors kept
     * @return the options
     * @throws IllegalArgumentException if the limit is negative
     */
    public CsvOptions withErrorLimit(int limit) {
      return new CsvOptions(limit, strictHeader, maxFieldLength, maxColumns, maxRows);
    }

    /**
     * A copy with another header policy.
     *
     * @param strict whether the header must match the schema exactly (up to case and previous names)
     * @return the options
     */
    public CsvOptions withStrictHeader(boolean strict) {
      return new CsvOptions(errorLimit, strict, maxFieldLength, maxColumns, maxRows);
    }

    /**
     * A copy with another field length limit.
     *
     * @param limit the most characters in one field; at least 1
     * @return the options
     * @throws IllegalArgumentException if the limit is below 1
     */
    public CsvOptions withMaxFieldLength(int limit) {
      return new CsvOptions(errorLimit, strictHeader, limit, maxColumns, maxRows);
    }

    /**
     * A copy with another column limit.
     *
     * @param limit the most fields in one record; at least 1
     * @return the options
     * @throws IllegalArgumentException if the limit is below 1
     */
    public CsvOptions withMaxColumns(int limit) {
      return new CsvOptions(errorLimit, strictHeader, maxFieldLength, limit, maxRows);
    }

    /**
     * A copy with another row limit.
     *
     * @param limit the most data rows in one file; 0 to {@link #MAX_ROWS}
     * @return the options
     * @throws IllegalArgumentException if the limit is out of range
     */
    public CsvOptions withMaxRows(long limit) {
      return new CsvOptions(errorLimit, strictHeader, maxFieldLength, maxColumns, limit);
    }
  }

  /**
   * The result of reading a file.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param dataset the valid rows, in file order
   * @param report what was found, with every invalid row counted
   */
  public record ReadResult(Dataset dataset, ValidationReport report) {}

  /**
   * Reads a UTF-8 CSV file.
   *
   * @param file the file
   * @param schema the schema, whose release format decides how values are written
   * @param options how to read
   * @return the valid rows and the report
   * @throws DataFormatException naming the file when it cannot be read or its header does not match
   */
  public static ReadResult read(Path file, Schema schema, CsvOptions options) {
    return readPath(file, schema, options, true);
  }

  /**
   * Reads CSV text. The reader is not closed.
   *
   * @param reader the text
   * @param fileName the name used in reports and messages
   * @param schema the schema, whose release format decides how values are written
   * @param options how to read
   * @return the valid rows and the report
   * @throws DataFormatException naming the file when it cannot be read or its header does not match
   */
  public static ReadResult read(Reader reader, String fileName, Schema schema, CsvOptions options) {
    return CsvDatasetReader.read(reader, fileName, schema, options, true);
  }

  /**
   * Checks a UTF-8 CSV file against a schema without keeping its rows.
   *
   * @param file the file
   * @param schema the schema
   * @param options how to read
   * @return the report
   * @throws DataFormatException naming the file when it cannot be read or its header does not match
   */
  public static ValidationReport validate(Path file, Schema schema, CsvOptions options) {
    return readPath(file, schema, options, false).report();
  }

  /**
   * Checks CSV text against a schema without keeping its rows. The reader is not closed.
   *
   * @param reader the text
   * @param fileName the name used in reports and messages
   * @param schema the schema
   * @param options how to read
   * @return the report
   * @throws DataFormatException naming the file when it cannot be read or its header does not match
   */
  public static ValidationReport validate(Reader reader, String fileName, Schema schema, CsvOptions options) {
    return CsvDatasetReader.read(reader, fileName, schema, options, false)
        .report();
  }

  private static ReadResult readPath(Path file, Schema schema, CsvOptions options, boolean store) {
    String name = file.toString();
    // strict UTF-8, decoded lazily: invalid bytes are reported at their own row and field (issue 14)
    try (Reader r = Utf8Input.open(file)) {
      return CsvDatasetReader.read(r, name, schema, options, store);
    } catch (IOException e) {
      throw new DataFormatException(name + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Writes a dataset as a UTF-8 CSV file, replacing the file if it exists, with the formula guard on
   * ({@link CsvWriteOptions#defaults()}).
   *
   * @param dataset the dataset
   * @param file the file
   * @throws DataFormatException naming the file and the reason when it cannot be written
   */
  public static void write(Dataset dataset, Path file) {
    write(dataset, file, CsvWriteOptions.defaults());
  }

  /**
   * Writes a dataset as a UTF-8 CSV file through a temporary file moved into place ({@link AtomicFiles}),
   * replacing the file if it exists.
   *
   * @param dataset the dataset
   * @param file the file
   * @param options how cells are written (the formula guard)
   * @return the rows written and the cells the formula guard neutralised
   * @throws DataFormatException naming the file and the reason when it cannot be written
   */
  public static CsvWriteSummary write(Dataset dataset, Path file, CsvWriteOptions options) {
    String name = file.toString();
    CsvWriteSummary[] summary = new CsvWriteSummary[1];
    try {
      AtomicFiles.write(file, w -> summary[0] = CsvDatasetWriter.write(dataset, w, name, options));
    } catch (DataFormatException e) {
      throw e;
    } catch (CtdcException e) {
      throw new DataFormatException(e.getMessage(), e);
    }
    return summary[0];
  }

  /**
   * Writes a dataset as CSV text with the formula guard on. The writer is flushed, not closed.
   *
   * @param dataset the dataset
   * @param writer where to write
   * @throws DataFormatException when the writer fails, naming {@code <writer>} and the reason (the I/O
   *     failure is the cause, so that a caller such as {@link AtomicFiles#write} names its file)
   */
  public static void write(Dataset dataset, Writer writer) {
    write(dataset, writer, CsvWriteOptions.defaults());
  }

  /**
   * Writes a dataset as CSV text. The writer is flushed, not closed.
   *
   * @param dataset the dataset
   * @param writer where to write
   * @param options how cells are written (the formula guard)
   * @return the rows written and the cells the formula guard neutralised
   * @throws DataFormatException when the writer fails, naming {@code <writer>} and the reason
   */
  public static CsvWriteSummary write(Dataset dataset, Writer writer, CsvWriteOptions options) {
    return CsvDatasetWriter.write(dataset, writer, "<writer>", options);
  }
}
