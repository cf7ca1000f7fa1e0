package org.ctdc.excel;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.ctdc.core.RowSource.Row;
import org.ctdc.core.RowSource.Stopped;
import org.ctdc.core.SourceValues;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a sheet as a {@link org.ctdc.core.RowSource} gives them, whatever the file format: the header
 * row found and named, data rows numbered from 1 after it, rows absent from the file or without a value
 * reported as blank, a value right of the header's last column or an error cell turned into a rejected row,
 * the row limit counted, and numbers written as the documented rules say (dates, zero-padded codes). The
 * format's reader ({@link XlsxSource}, {@link XlsSource}) fills {@link #cells} one sheet row at a time.
 *
 * <p>Not thread-safe: a part of one source.
 */
final class SheetRows {

  /** Reads the next sheet row of the file into {@link SheetRows#cells}; false at the end of the sheet. */
  @FunctionalInterface
  interface Reader<E extends Exception> {
    boolean nextRow() throws E;
  }

  final Cells cells = new Cells();
  private final String fileName;
  private final int headerRow;
  private final long maxRows;
  /** Where in the workbook, for messages: {@code workbook}, then {@code sheet 'Cases'}. */
  private String where = "workbook";
  private List<String> columns = List.of();
  private String[] shownNames = new String[0];
  private boolean[] read = new boolean[0];
  /** The sheet row last read (1-based); the next row number expected. */
  private long sheetRow;
  private long dataRows;
  /** Sheet rows skipped between the last read row and a row read ahead, still to report as blank. */
  private long pendingBlank;
  private boolean pendingRow;
  private boolean ended;

  SheetRows(String fileName, int headerRow, long maxRows) {
    this.fileName = fileName;
    this.headerRow = headerRow;
    this.maxRows = maxRows;
  }

  /** @param sheet the sheet chosen, named in messages from now on */
  void sheet(String sheet) {
    this.where = "sheet '" + Shown.name(sheet) + "'";
  }

  String where() {
    return where;
  }

  List<String> columns() {
    return columns;
  }

  /** @return whether the header is still to be read (every cell of it is converted) */
  boolean headerPending() {
    return columns.isEmpty();
  }

  /** @return whether a cell in 0-based column {@code c} is converted: the spec reads it, or it is the header's */
  boolean converts(int c) {
    return columns.isEmpty() || c >= read.length || read[c];
  }

  /** Reads up to the header row and names its columns. */
  <E extends Exception> List<String> header(Reader<E> reader) throws E {
    while (true) {
      if (!reader.nextRow()) {
        throw new DataFormatException(fileName + ": " + where + ": no header in row " + headerRow
            + " (the sheet has no row there)");
      }
      if (cells.row >= headerRow) {
        break;
      }
    }
    if (cells.row != headerRow || cells.last < 0) {
      throw new DataFormatException(fileName + ": " + where + ": row " + headerRow
          + " is empty; the header row is required (set the header row if it is another)");
    }
    if (cells.errorAt >= 0) {
      throw new DataFormatException(fileName + ": " + where + ": header cell " + Cells.ref(cells.errorAt, cells.row)
          + " holds an error or an uncalculated formula");
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c <= cells.last; c++) {
      String v = cells.values[c];
      names.add(v == null || v.isBlank() ? "(column " + Cells.letters(c) + ")" : v);
    }
    columns = List.copyOf(names);
    shownNames = new String[names.size()];
    Arrays.fill(shownNames, "");
    read = new boolean[names.size()];
    sheetRow = headerRow;
    return columns;
  }

  void reading(boolean[] columnsRead) {
    read = columnsRead.clone();
    for (int c = 0; c < read.length && c < shownNames.length; c++) {
      shownNames[c] = read[c] ? " (column '" + Shown.name(columns.get(c).strip()) + "')" : "";
    }
  }

  /** @return the column's name for a message, {@code  (column 'Age')}, or empty if the spec does not read it */
  String name(int c) {
    return c < shownNames.length ? shownNames[c] : "";
  }

  /** @return where cell {@code c} of the current row is, for a message */
  String at(int c) {
    return where + " cell " + Cells.ref(c, cells.row) + name(c);
  }

  /** The next data row, as {@link org.ctdc.core.RowSource#next} gives it. */
  <E extends Exception> Row next(@Nullable String[] out, Reader<E> reader) throws E {
    if (!pendingRow && !ended) {
      if (reader.nextRow()) {
        pendingRow = true;
        pendingBlank = cells.row - sheetRow - 1;
      } else {
        ended = true;
      }
    }
    if (pendingBlank > 0) {
      pendingBlank--;
      return blank();
    }
    if (!pendingRow) {
      return Row.END;
    }
    pendingRow = false;
    sheetRow = cells.row;
    if (cells.last < 0) {
      return blank();
    }
    countRow();
    if (cells.last >= columns.size()) {
      return Row.EXTRA_FIELDS;
    }
    if (cells.errorAt >= 0) {
      return Row.MALFORMED;
    }
    System.arraycopy(cells.values, 0, out, 0, Math.min(out.length, cells.values.length));
    for (int c = Math.min(out.length, cells.values.length); c < out.length; c++) {
      out[c] = null;
    }
    return Row.ROW;
  }

  /** @return the sheet row after the last one given, for a message about a failure while reading it */
  long nextSheetRow() {
    return sheetRow + 1;
  }

  private Row blank() {
    countRow();
    return Row.BLANK;
  }

  private void countRow() {
    if (++dataRows > maxRows) {
      throw new Stopped(where + ": over the limit of " + maxRows + " rows (limit maxRows)", null);
    }
  }

  /** A number cell's text in column {@code c} of the current row, by its format. */
  String number(double d, CellFormat f, boolean date1904, int c) {
    if (f.date() && DateUtil.isValidExcelDate(d)) {
      LocalDateTime t = DateUtil.getLocalDateTime(d, date1904, true);
      if (t == null) {
        throw new Stopped(at(c) + ": a date out of range", null);
      }
      return SourceValues.dateTime(t);
    }
    String s = SourceValues.number(d);
    if (f.zeroPad() > 0 && d >= 0 && d == Math.rint(d) && s.length() < f.zeroPad()) {
      return "0".repeat(f.zeroPad() - s.length()) + s;
    }
    return s;
  }

  /** What a cell's number format means for a number: a date, a zero-padded code, or a plain number. */
  record CellFormat(boolean date, int zeroPad) {
    static final CellFormat PLAIN = new CellFormat(false, 0);

    static CellFormat of(int index, @Nullable String format) {
      if (format == null) {
        return PLAIN;
      }
      boolean date = DateUtil.isADateFormat(index, format);
      int pad = format.matches("0{2,}") ? format.length() : 0;
      return date || pad > 0 ? new CellFormat(date, pad) : PLAIN;
    }
  }

  /** The cells of the row being read. */
  static final class Cells {
    long row;
    int last = -1;
    int hi = -1;
    int errorAt = -1;
    @Nullable String[] values = new String[16];
    final StringBuilder text = new StringBuilder();

    void start(long r) {
      row = r;
      if (hi >= 0) {
        Arrays.fill(values, 0, Math.min(values.length, hi + 1), null);
      }
      last = -1;
      hi = -1;
      errorAt = -1;
    }

    void put(int c, String v) {
      if (c >= values.length) {
        values = Arrays.copyOf(values, Math.max(c + 1, values.length * 2));
      }
      values[c] = v;
      hi = Math.max(hi, c);
      if (!v.isBlank()) {
        last = Math.max(last, c);
      }
    }

    void error(int c) {
      if (errorAt < 0) {
        errorAt = c;
      }
      last = Math.max(last, c);
    }

    /** A 0-based column from a cell reference such as {@code AB12}. */
    static int column(String ref) {
      int c = 0;
      int i = 0;
      for (; i < ref.length() && i < 4; i++) {
        char ch = ref.charAt(i);
        if (ch >= 'A' && ch <= 'Z') {
          c = c * 26 + (ch - 'A' + 1);
        } else if (ch >= 'a' && ch <= 'z') {
          c = c * 26 + (ch - 'a' + 1);
        } else {
          break;
        }
      }
      if (c == 0) {
        throw new Stopped("a cell reference that is not one", null);
      }
      return c - 1;
    }

    static String letters(int c) {
      StringBuilder b = new StringBuilder();
      for (int n = c + 1; n > 0; n = (n - 1) / 26) {
        b.insert(0, (char) ('A' + (n - 1) % 26));
      }
      return b.toString();
    }

    static String ref(int c, long row) {
      return letters(c) + row;
    }
  }
}
