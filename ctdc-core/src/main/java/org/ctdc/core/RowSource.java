package org.ctdc.core;

import java.util.List;
import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A partner's table read row by row, for {@link Aligner#align(RowSource)}: a sheet of a workbook
 * ({@code org.ctdc.excel.XlsxSource} in ctdc-excel), the rows of a SQL query ({@link JdbcSource}), or any
 * other table with a header. The source turns its typed values into the text the spec's rules read (a
 * date as ISO {@code yyyy-MM-dd}, a number in plain decimal notation, a boolean as {@code true} or
 * {@code false}); the aligner matches the {@link #columns() header} to the columns the spec reads exactly
 * as it matches a CSV header (exact name, else the one name equal ignoring case; two columns of the same
 * name are refused), and counts every row: rows read = rows aligned + rows rejected.
 *
 * <p>A source is used once, by one thread; it is not thread-safe. The aligner closes it.
 */
public interface RowSource extends AutoCloseable {

  /** What {@link #next} read. */
  enum Row {
    /** A row: its cells are filled. */
    ROW,
    /** A blank row, skipped and not numbered (counted in {@link AlignmentReport#blankLines()}). */
    BLANK,
    /** A row that cannot be read as values (such as a cell holding a spreadsheet error): rejected. */
    MALFORMED,
    /** A row with a value right of the header's last column: rejected, as a CSV record longer than its header. */
    EXTRA_FIELDS,
    /** No more rows. */
    END
  }

  /**
   * @return the name of the input in the report and in messages (a file name, a query file's name); never
   *     a password
   */
  String name();

  /**
   * The header: the name of each column, in order. Called once, before {@link #next}.
   *
   * @return the column names
   * @throws CtdcException naming the source when it has no header or cannot be opened
   */
  List<String> columns();

  /**
   * Says which columns the spec reads, after {@link #columns()} and before the first {@link #next}: a
   * source may leave the other cells null (and not convert them), and refuse a column it cannot read as
   * text only when it is read. The default does nothing.
   *
   * @param read per column of {@link #columns()}, whether a rule of the spec reads it
   * @throws CtdcException naming the source and the column when a column read cannot be read as text
   */
  default void reading(boolean[] read) {}

  /**
   * Reads the next row into {@code cells}, one per column of {@link #columns()}; null for an empty cell.
   *
   * @param cells as many slots as there are columns; overwritten
   * @return what was read
   * @throws Stopped when the source cannot be read on (a limit, a broken file, a failed database): the
   *     aligner turns it into an {@link org.ctdc.schema.InputStoppedException} at this row
   */
  Row next(@Nullable String[] cells);

  /** Releases what the source holds; called by the aligner once, however the run ends. */
  @Override
  void close();

  /**
   * The failure of a source that cannot go on, thrown by {@link RowSource#next}. Its rule names the
   * limit or fault and where in the source it is (a sheet, a cell reference, a column), never a value.
   * The aligner says at which data row and after how many rows read it stopped.
   *
   * <p>Immutable and thread-safe.
   */
  final class Stopped extends CtdcException {
    private static final long serialVersionUID = 1L;

    /**
     * @param rule why, free of record values
     * @param cause the underlying failure, or null (never one whose message may quote a value)
     */
    public Stopped(String rule, @Nullable Throwable cause) {
      super(rule, cause);
    }

    /** @return why reading stopped */
    public String rule() {
      return getMessage();
    }
  }
}
