package org.ctdc.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.ctdc.core.Aligner;
import org.ctdc.core.RowSource;
import org.ctdc.excel.SheetRows.CellFormat;
import org.ctdc.excel.SheetRows.Cells;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * One sheet of an Excel 97-2003 workbook ({@code .xls}, the BIFF8 format) as a {@link RowSource} for
 * {@link Aligner#align(RowSource)}:
 *
 * <pre>{@code
 * AlignmentResult r = Aligner.of(spec).align(XlsSource.builder(Path.of("cases.xls")).sheet("Cases").build());
 * }</pre>
 *
 * <p><b>Streaming.</b> The workbook's records are read one at a time (Apache POI's HSSF event records,
 * through {@link MissingRecordAwareHSSFListener} and {@link FormatTrackingHSSFListener}; never the
 * {@code HSSFWorkbook} object model), and a row is given as soon as its last cell is read, so the cells
 * of the sheet are never all held. Held in memory are the workbook's formats and its shared-strings table,
 * the latter bounded by {@link Builder#maxSharedText(long)}. The OLE2 container is opened read-only from
 * the file, after its size is checked against {@link Builder#maxFileBytes(long)}.
 *
 * <p><b>Cells and rows</b> follow the rules of {@link XlsxSource} ({@code docs/alignment-spec.md},
 * "Workbooks"): text as it is (leading zeros kept), numbers in plain decimal notation, a number formatted
 * as a date as its ISO date in the workbook's 1900 or 1904 date system, a zeros-only format padding the
 * number, booleans as {@code true}/{@code false}, a formula by its cached result (a text result included),
 * never evaluated; an error cell in a column the spec reads rejects its row; a merged range holds its value
 * in its top-left cell only, as the file stores it. The header is row {@link Builder#headerRow(int)}.
 *
 * <p><b>Limits and failures</b> as {@link XlsxSource}'s: the file size, the shared strings, the longest
 * cell, the rows and the columns; an encrypted, damaged or other file is refused in one line naming the
 * file and the rule, never with a cell's value.
 *
 * <p>Not thread-safe: a source is read once, by the thread that aligns it. The builder is not thread-safe.
 */
public final class XlsSource implements RowSource {

  /** The default largest workbook file, in bytes (512 MiB). */
  public static final long DEFAULT_MAX_FILE_BYTES = XlsxSource.DEFAULT_MAX_FILE_BYTES;
  /** The default most characters of the shared-strings table, in all (128 Mi characters). */
  public static final long DEFAULT_MAX_SHARED_TEXT = XlsxSource.DEFAULT_MAX_SHARED_TEXT;
  /** The default longest cell, in characters: the CSV reader's limit (1 MiB). */
  public static final int DEFAULT_MAX_CELL_LENGTH = XlsxSource.DEFAULT_MAX_CELL_LENGTH;
  /** The default most data rows of a sheet, blank rows included. */
  public static final long DEFAULT_MAX_ROWS = XlsxSource.DEFAULT_MAX_ROWS;

  private final Path file;
  private final String fileName;
  private final @Nullable String sheetName;
  private final int sheetIndex;
  private final long maxFileBytes;
  private final long maxSharedText;
  private final int maxCellLength;
  private final int maxColumns;
  private final SheetRows rows;
  private final Cells cells;

  private @Nullable POIFSFileSystem fs;
  private @Nullable InputStream stream;
  private @Nullable RecordFactoryInputStream records;
  private final FormatTrackingHSSFListener formats;
  private final HSSFListener chain;
  private final Map<Integer, CellFormat> cellFormats = new HashMap<>();

  private @Nullable SSTRecord sst;
  private boolean date1904;
  private final List<BoundSheetRecord> sheets = new ArrayList<>();
  private String sheet = "";
  /** The chosen sheet's place among the sheets' substreams, in file order; -1 until the globals are read. */
  private int chosenRank = -1;
  private int depth;
  private boolean globals;
  private int substreams;
  private boolean inChosen;
  private boolean sheetEnded;
  private boolean rowOpen;
  private boolean rowDone;
  /** Cell records of the next row, read while ending the current one. */
  private final ArrayDeque<Record> carry = new ArrayDeque<>();
  /** The column of a formula whose text result the next string record holds, else -1. */
  private int pendingText = -1;

  private XlsSource(Builder b) {
    this.file = b.file;
    this.fileName = b.file.getFileName() == null ? Shown.file(b.file) : Shown.clean(b.file.getFileName().toString());
    this.sheetName = b.sheetName;
    this.sheetIndex = b.sheetIndex;
    this.maxFileBytes = b.maxFileBytes;
    this.maxSharedText = b.maxSharedText;
    this.maxCellLength = b.maxCellLength;
    this.maxColumns = b.maxColumns;
    this.rows = new SheetRows(fileName, b.headerRow, b.maxRows);
    this.cells = rows.cells;
    this.formats = new FormatTrackingHSSFListener(this::accept, java.util.Locale.ROOT);
    this.chain = new MissingRecordAwareHSSFListener(formats);
  }

  /**
   * Starts configuring a source of a workbook's sheet: the first sheet unless {@link Builder#sheet(String)}
   * or {@link Builder#sheetIndex(int)} names another.
   *
   * @param file the workbook
   * @return a builder, not thread-safe
   */
  public static Builder builder(Path file) {
    return new Builder(Objects.requireNonNull(file, "file"));
  }

  /**
   * The first sheet of a workbook, header in row 1, default limits.
   *
   * @param file the workbook
   * @return the source
   */
  public static XlsSource of(Path file) {
    return builder(file).build();
  }

  /** @return the workbook's file name, the name of the input in the report and in messages */
  @Override
  public String name() {
    return fileName;
  }

  /** @return the sheet read, once {@link #columns()} has opened it; else empty */
  public String sheet() {
    return sheet;
  }

  // ------------------------------------------------------------------------------------------- opening

  @Override
  public List<String> columns() {
    if (records != null) {
      return rows.columns();
    }
    checkFile();
    try {
      POIFSFileSystem f = new POIFSFileSystem(file.toFile(), true);
      fs = f;
      DirectoryNode root = f.getRoot();
      if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
        throw new DataFormatException(fileName + ": an encrypted workbook is not read; save it without a password");
      }
      String entry = null;
      for (String n : new String[] {"Workbook", "WORKBOOK", "workbook", "BOOK", "Book"}) {
        if (root.hasEntry(n)) {
          entry = n;
          break;
        }
      }
      if (entry == null) {
        throw new DataFormatException(fileName + ": not an .xls workbook (the file holds no workbook stream)");
      }
      if (entry.equalsIgnoreCase("book")) {
        throw new DataFormatException(fileName + ": an Excel 5/95 workbook (BIFF5) is not read; save it as an"
            + " Excel workbook (.xlsx) or Excel 97-2003 (.xls)");
      }
      InputStream in = f.createDocumentInputStream(entry);
      stream = in;
      records = new RecordFactoryInputStream(in, false);
      return rows.header(this::nextRow);
    } catch (DataFormatException e) {
      close();
      throw e;
    } catch (Stopped e) {
      close();
      throw new DataFormatException(fileName + ": " + e.rule());
    } catch (EncryptedDocumentException e) {
      close();
      throw new DataFormatException(fileName + ": an encrypted workbook is not read; save it without a password");
    } catch (Exception | StackOverflowError e) {
      // POI's messages may quote the file's content: the kind of failure only
      close();
      throw new DataFormatException(fileName + ": not a readable .xls workbook (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  /** The size and the kind of file, before POI reads anything. */
  private void checkFile() {
    long size;
    byte[] magic = new byte[8];
    int got;
    try (InputStream in = Files.newInputStream(file)) {
      size = Files.size(file);
      got = in.readNBytes(magic, 0, magic.length);
    } catch (IOException e) {
      throw new DataFormatException(fileName + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (size > maxFileBytes) {
      throw new DataFormatException(
          fileName + ": the workbook is larger than " + maxFileBytes + " bytes (limit maxFileBytes)");
    }
    if (got >= 2 && magic[0] == 'P' && magic[1] == 'K') {
      throw new DataFormatException(fileName + ": an .xlsx workbook (a zip archive), not an .xls one; read it as"
          + " .xlsx");
    }
    if (got < 8 || !Arrays.equals(magic, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
        (byte) 0xB1, 0x1A, (byte) 0xE1})) {
      throw new DataFormatException(fileName + ": not an .xls workbook (an .xls file is an OLE2 compound file)");
    }
  }

  @Override
  public void reading(boolean[] columnsRead) {
    rows.reading(columnsRead);
  }

  // ------------------------------------------------------------------------------------------- rows

  @Override
  public Row next(@Nullable String[] out) {
    if (records == null) {
      throw new IllegalStateException("columns() must be called before next()");
    }
    try {
      return rows.next(out, this::nextRow);
    } catch (Stopped | DataFormatException e) {
      throw e;
    } catch (EncryptedDocumentException e) {
      throw new Stopped(rows.where() + " row " + rows.nextSheetRow() + ": an encrypted record", null);
    } catch (RuntimeException | StackOverflowError e) {
      throw new Stopped(rows.where() + " row " + rows.nextSheetRow() + ": not a readable .xls workbook ("
          + e.getClass().getSimpleName() + ")", null);
    }
  }

  /** Reads records up to the end of the next sheet row that has a cell; false at the end of the sheet. */
  private boolean nextRow() {
    if (sheetEnded && carry.isEmpty()) {
      return false;
    }
    rowOpen = false;
    rowDone = false;
    while (!carry.isEmpty() && !rowDone) {
      accept(carry.poll());
    }
    RecordFactoryInputStream in = Objects.requireNonNull(records);
    while (!rowDone && !sheetEnded) {
      Record r = in.nextRecord();
      if (r == null) {
        if (chosenRank < 0) {
          chooseSheet();
        }
        sheetEnded = true;
        break;
      }
      chain.processRecord(r);
    }
    return rowOpen;
  }

  /** The end of {@link #chain}: every record, the dummies of missing cells and row ends included. */
  private void accept(Record r) {
    if (r instanceof BOFRecord bof) {
      depth++;
      if (depth == 1) {
        globals = bof.getType() == BOFRecord.TYPE_WORKBOOK && substreams == 0 && !globals && chosenRank < 0;
        if (!globals) {
          if (chosenRank < 0) {
            chooseSheet();
          }
          inChosen = substreams == chosenRank;
          substreams++;
        }
      }
      return;
    }
    if (r instanceof EOFRecord) {
      if (depth == 1) {
        if (globals) {
          chooseSheet();
          globals = false;
        } else if (inChosen) {
          inChosen = false;
          sheetEnded = true;
          rowDone = rowOpen;
        }
      }
      depth = Math.max(0, depth - 1);
      return;
    }
    if (depth == 1 && globals) {
      if (r instanceof SSTRecord s) {
        sharedStrings(s);
      } else if (r instanceof BoundSheetRecord b) {
        sheets.add(b);
      } else if (r instanceof DateWindow1904Record w) {
        date1904 = w.getWindowing() == 1;
      }
      return;
    }
    if (depth != 1 || !inChosen) {
      return;
    }
    if (r instanceof LastCellOfRowDummyRecord last) {
      if (rowOpen && last.getRow() + 1L == cells.row) {
        rowDone = true;
      }
      return;
    }
    if (r instanceof StringRecord s) {
      if (pendingText >= 0 && rowOpen) {
        text(pendingText, s.getString());
      }
      pendingText = -1;
      return;
    }
    if (!(r instanceof CellValueRecordInterface cell)) {
      return;
    }
    long row = cell.getRow() + 1L;
    if (rowDone || (rowOpen && row != cells.row)) {
      if (rowOpen && row < cells.row) {
        throw new Stopped(rows.where() + " row " + row + ": rows out of order", null);
      }
      carry.add(r);
      rowDone = true;
      return;
    }
    if (!rowOpen) {
      cells.start(row);
      rowOpen = true;
      pendingText = -1;
    }
    int c = cell.getColumn();
    if (c >= maxColumns) {
      throw new Stopped(rows.where() + " row " + row + ": more than " + maxColumns + " columns (limit)", null);
    }
    cell(r, cell, c, rows.converts(c));
  }

  private void chooseSheet() {
    if (chosenRank >= 0) {
      return;
    }
    int chosen = -1;
    for (int i = 0; i < sheets.size() && chosen < 0; i++) {
      if (sheetName != null ? sheetName.equals(sheets.get(i).getSheetname()) : i == sheetIndex) {
        chosen = i;
      }
    }
    if (chosen < 0) {
      List<String> shown = new ArrayList<>();
      sheets.forEach(s -> shown.add("'" + Shown.name(s.getSheetname()) + "'"));
      throw new DataFormatException(fileName + ": no sheet "
          + (sheetName != null ? "'" + Shown.name(sheetName) + "'" : "number " + (sheetIndex + 1))
          + " (the workbook's sheets: " + String.join(", ", shown) + ")");
    }
    BoundSheetRecord b = sheets.get(chosen);
    sheet = b.getSheetname();
    rows.sheet(sheet);
    chosenRank = Arrays.asList(BoundSheetRecord.orderByBofPosition(sheets)).indexOf(b);
  }

  /** The shared-strings table, each text held to the cell length limit and all to their own. */
  private void sharedStrings(SSTRecord s) {
    long total = 0;
    for (int i = 0; i < s.getNumUniqueStrings(); i++) {
      int n = s.getString(i).getCharCount();
      if (n > maxCellLength) {
        throw new DataFormatException(fileName + ": shared string " + (i + 1) + " is longer than " + maxCellLength
            + " characters (limit maxCellLength)");
      }
      total += n;
      if (total > maxSharedText) {
        throw new DataFormatException(fileName + ": the shared strings hold more than " + maxSharedText
            + " characters (limit maxSharedText)");
      }
    }
    sst = s;
  }

  private void cell(Record r, CellValueRecordInterface cell, int c, boolean convert) {
    if (r instanceof LabelSSTRecord l) {
      SSTRecord table = sst;
      int i = l.getSSTIndex();
      if (table == null || i < 0 || i >= table.getNumUniqueStrings()) {
        throw new Stopped(rows.at(c) + ": a shared string that the workbook does not hold", null);
      }
      String v = table.getString(i).getString();
      if (!v.isEmpty()) {
        cells.put(c, convert ? v : "x");
      }
    } else if (r instanceof LabelRecord l) {
      text(c, l.getValue());
    } else if (r instanceof NumberRecord n) {
      cells.put(c, convert ? rows.number(n.getValue(), format(cell), date1904, c) : "x");
    } else if (r instanceof RKRecord n) {
      cells.put(c, convert ? rows.number(n.getRKNumber(), format(cell), date1904, c) : "x");
    } else if (r instanceof BoolErrRecord b) {
      if (!convert) {
        cells.put(c, "x");
      } else if (b.isBoolean()) {
        cells.put(c, b.getBooleanValue() ? "true" : "false");
      } else {
        cells.error(c);
      }
    } else if (r instanceof FormulaRecord f) {
      CellType t = f.getCachedResultTypeEnum();
      if (t == CellType.STRING) {
        pendingText = c;
      } else if (!convert) {
        if (t == CellType.NUMERIC || t == CellType.BOOLEAN || t == CellType.ERROR) {
          cells.put(c, "x");
        }
      } else if (t == CellType.NUMERIC) {
        cells.put(c, rows.number(f.getValue(), format(cell), date1904, c));
      } else if (t == CellType.BOOLEAN) {
        cells.put(c, f.getCachedBooleanValue() ? "true" : "false");
      } else if (t == CellType.ERROR) {
        cells.error(c);
      }
    }
    // a blank cell (BLANK, MULBLANK) is missing
  }

  /** A text cell or a formula's text result, held to the cell length limit. */
  private void text(int c, @Nullable String v) {
    if (v == null || v.isEmpty()) {
      return;
    }
    if (v.length() > maxCellLength) {
      throw new Stopped(rows.at(c) + ": a cell is longer than " + maxCellLength + " characters (limit maxCellLength)",
          null);
    }
    cells.put(c, rows.converts(c) ? v : "x");
  }

  private CellFormat format(CellValueRecordInterface cell) {
    int i = formats.getFormatIndex(cell);
    if (i < 0) {
      return CellFormat.PLAIN;
    }
    CellFormat f = cellFormats.get(i);
    if (f == null) {
      f = CellFormat.of(i, formats.getFormatString(i));
      cellFormats.put(i, f);
    }
    return f;
  }

  @Override
  public void close() {
    InputStream s = stream;
    stream = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // read only
      }
    }
    POIFSFileSystem f = fs;
    fs = null;
    if (f != null) {
      try {
        f.close();
      } catch (IOException e) {
        // opened read-only: nothing is written back
      }
    }
  }

  /** Configures an {@link XlsSource}; each setting is checked where it is set. Not thread-safe. */
  public static final class Builder {
    private final Path file;
    private @Nullable String sheetName;
    private int sheetIndex;
    private boolean sheetSet;
    private int headerRow = 1;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private long maxSharedText = DEFAULT_MAX_SHARED_TEXT;
    private int maxCellLength = DEFAULT_MAX_CELL_LENGTH;
    private long maxRows = DEFAULT_MAX_ROWS;
    private int maxColumns = Aligner.MAX_COLUMNS;

    private Builder(Path file) {
      this.file = file;
    }

    /**
     * @param name the sheet's name, as its tab shows it (exact)
     * @return this builder
     * @throws IllegalArgumentException if blank
     * @throws IllegalStateException if {@link #sheetIndex(int)} was set
     */
    public Builder sheet(String name) {
      XlsxSource.Builder.checkSheet(name, sheetSet && sheetName == null);
      this.sheetName = name;
      this.sheetSet = true;
      return this;
    }

    /**
     * @param index the sheet's 0-based position in the workbook (default 0, the first)
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if {@link #sheet(String)} was set
     */
    public Builder sheetIndex(int index) {
      XlsxSource.Builder.checkSheetIndex(index, sheetName != null);
      this.sheetIndex = index;
      this.sheetSet = true;
      return this;
    }

    /**
     * @param row the 1-based sheet row of the header (default 1); rows above it are not read
     * @return this builder
     * @throws IllegalArgumentException if below 1 or over Excel 97-2003's 65,536 rows
     */
    public Builder headerRow(int row) {
      if (row < 1 || row > 65_536) {
        throw new IllegalArgumentException("headerRow must be 1 to 65536, was " + row);
      }
      this.headerRow = row;
      return this;
    }

    /**
     * @param bytes the largest workbook file, checked before the file is read (default
     *     {@value XlsSource#DEFAULT_MAX_FILE_BYTES})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = XlsxSource.Builder.positive("maxFileBytes", bytes);
      return this;
    }

    /**
     * @param chars the most characters of the shared-strings table, held in memory (default
     *     {@value XlsSource#DEFAULT_MAX_SHARED_TEXT})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxSharedText(long chars) {
      this.maxSharedText = XlsxSource.Builder.positive("maxSharedText", chars);
      return this;
    }

    /**
     * @param chars the longest cell (default {@value XlsSource#DEFAULT_MAX_CELL_LENGTH})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxCellLength(int chars) {
      this.maxCellLength = (int) XlsxSource.Builder.positive("maxCellLength", chars);
      return this;
    }

    /**
     * @param rows the most data rows, blank rows included (default {@value XlsSource#DEFAULT_MAX_ROWS})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxRows(long rows) {
      this.maxRows = XlsxSource.Builder.positive("maxRows", rows);
      return this;
    }

    /**
     * @param columns the most columns of a row (default {@link Aligner#MAX_COLUMNS})
     * @return this builder
     * @throws IllegalArgumentException if below 1 or over {@link Aligner#MAX_COLUMNS}
     */
    public Builder maxColumns(int columns) {
      this.maxColumns = XlsxSource.Builder.checkColumns(columns);
      return this;
    }

    /** @return the source; the workbook is opened when the aligner reads it */
    public XlsSource build() {
      return new XlsSource(this);
    }
  }
}
