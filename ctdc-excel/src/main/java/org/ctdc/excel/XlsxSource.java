package org.ctdc.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.ctdc.core.Aligner;
import org.ctdc.core.RowSource;
import org.ctdc.core.SourceValues;
import org.ctdc.excel.SheetRows.CellFormat;
import org.ctdc.excel.SheetRows.Cells;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * One sheet of an Excel workbook ({@code .xlsx}) as a {@link RowSource} for
 * {@link Aligner#align(RowSource)}:
 *
 * <pre>{@code
 * AlignmentResult r = Aligner.of(spec).align(XlsxSource.builder(Path.of("cases.xlsx")).sheet("Cases").build());
 * }</pre>
 *
 * <p><b>Streaming.</b> The sheet is read with Apache POI's event API ({@link XSSFReader}: the package's parts
 * as streams, never the {@code XSSFWorkbook} object model) and a pull XML parser, row by row, so the rows of
 * the sheet are never held. Held in memory are the workbook's styles and its shared-strings table (where
 * Excel keeps the text of text cells), the latter bounded by {@link Builder#maxSharedText(long)}.
 *
 * <p><b>Cells</b> ({@code docs/alignment-spec.md}, "Workbooks"): a text cell is its text as it is, so a code
 * formatted as text keeps its leading zeros; a number is written in plain decimal notation ({@code 25}, not
 * {@code 25.0}); a number whose format is zeros only ({@code 00000}) is padded to the format's width; a
 * number formatted as a date is the ISO date {@code yyyy-MM-dd} (its time of day after a {@code T} when it
 * has one), in the 1900 or 1904 date system the workbook declares; a boolean is {@code true} or
 * {@code false}; a formula cell is its cached value, the value Excel last calculated, and is never
 * evaluated. A cell holding an error ({@code #N/A}, {@code #DIV/0!}) or a formula without a cached value, in
 * a column the spec reads, rejects its row as malformed. A merged range holds its value in its top-left cell
 * only, as the file stores it: the other cells of the range are empty. An empty cell is missing.
 *
 * <p><b>Rows.</b> The header is the sheet row {@link Builder#headerRow(int)} (default 1); rows above it are
 * not read. Its last non-empty cell ends the header; an empty header cell before it is named by its column
 * letter, {@code (column C)}. Every sheet row after the header is a data row, numbered from 1 as CSV data
 * rows are; a row without a value (or absent from the file) is a blank row, skipped and counted. A row with
 * a value right of the header's last column is rejected ({@code extra-fields}).
 *
 * <p><b>Limits</b>, each a builder setting, fail closed as the CSV reader does: over a limit in the
 * workbook's structure, styles, shared strings or header, a {@link DataFormatException}; in a data row, an
 * {@link org.ctdc.schema.InputStoppedException} naming the row, with the sheet, cell reference and rule in
 * its message. No message holds a cell's value. An {@code .xls} (Excel 97-2003) workbook is refused with a
 * message asking for {@code .xlsx}.
 *
 * <p>Not thread-safe: a source is read once, by the thread that aligns it. The builder is not thread-safe.
 */
public final class XlsxSource implements RowSource {

  /** The default largest workbook file, in bytes (512 MiB). */
  public static final long DEFAULT_MAX_FILE_BYTES = 512L << 20;
  /** The default largest part of the workbook (a sheet's XML, the shared strings) once inflated (4 GiB). */
  public static final long DEFAULT_MAX_ENTRY_BYTES = 4L << 30;
  /**
   * The default least ratio of a part's compressed to its inflated size (0.01, as Apache POI's
   * {@code ZipSecureFile}): a part that inflates more than 100-fold is taken for a zip bomb.
   */
  public static final double DEFAULT_MIN_INFLATE_RATIO = 0.01;
  /** The default most characters of the shared-strings table, in all (128 Mi characters). */
  public static final long DEFAULT_MAX_SHARED_TEXT = 128L << 20;
  /** The default longest cell, in characters: the CSV reader's limit (1 MiB). */
  public static final int DEFAULT_MAX_CELL_LENGTH = 1 << 20;
  /** The default most data rows of a sheet, blank rows included. */
  public static final long DEFAULT_MAX_ROWS = Integer.MAX_VALUE - 8;

  /** Parts smaller than this are not held to the inflate ratio (their headers dominate). */
  private static final long RATIO_GRACE = 1L << 16;
  private static final int MAX_ENTRIES = 10_000;

  private final Path file;
  private final String fileName;
  private final @Nullable String sheetName;
  private final int sheetIndex;
  private final int headerRow;
  private final Limits limits;

  private @Nullable OPCPackage pkg;
  private @Nullable InputStream sheetStream;
  private @Nullable XMLStreamReader xml;
  private Map<String, Long> compressed = Map.of();
  private String sheet = "";
  private List<String> sharedStrings = List.of();
  private final List<CellFormat> formats = new ArrayList<>();
  private @Nullable StylesTable styles;
  private boolean date1904;
  private final SheetRows rows;
  private final Cells cells;

  private XlsxSource(Builder b) {
    this.file = b.file;
    this.fileName = b.file.getFileName() == null ? Shown.file(b.file) : Shown.clean(b.file.getFileName().toString());
    this.sheetName = b.sheetName;
    this.sheetIndex = b.sheetIndex;
    this.headerRow = b.headerRow;
    this.limits = new Limits(b.maxFileBytes, b.maxEntryBytes, b.minInflateRatio, b.maxSharedText,
        b.maxCellLength, b.maxRows, b.maxColumns);
    this.rows = new SheetRows(fileName, headerRow, b.maxRows);
    this.cells = rows.cells;
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
  public static XlsxSource of(Path file) {
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

  private record Limits(long fileBytes, long entryBytes, double ratio, long sharedText, int cellLength,
      long rows, int columns) {}

  // ------------------------------------------------------------------------------------------- opening

  @Override
  public List<String> columns() {
    if (pkg != null) {
      return rows.columns();
    }
    checkFile();
    try {
      OPCPackage p = OPCPackage.open(file.toFile(), PackageAccess.READ);
      pkg = p;
      XSSFReader reader = new XSSFReader(p);
      date1904 = date1904(reader);
      XSSFReader.SheetIterator it = reader.getSheetIterator();
      InputStream chosen = null;
      List<String> names = new ArrayList<>();
      int i = 0;
      while (it.hasNext()) {
        InputStream in = it.next();
        String n = it.getSheetName();
        names.add(n);
        if (chosen == null && (sheetName != null ? sheetName.equals(n) : i == sheetIndex)) {
          chosen = in;
          sheet = n;
          rows.sheet(n);
          String part = it.getSheetPart().getPartName().getName();
          sheetStream = new Bounded(in, part, "sheet '" + Shown.name(n) + "'");
        } else {
          in.close();
        }
        i++;
      }
      if (chosen == null) {
        List<String> shown = new ArrayList<>();
        names.forEach(n -> shown.add("'" + Shown.name(n) + "'"));
        throw new DataFormatException(fileName + ": no sheet "
            + (sheetName != null ? "'" + Shown.name(sheetName) + "'" : "number " + (sheetIndex + 1))
            + " (the workbook's sheets: " + String.join(", ", shown) + ")");
      }
      sharedStrings = sharedStrings(reader);
      styles = reader.getStylesTable();
      XMLInputFactory f = XMLHelper.newXMLInputFactory();
      f.setProperty(XMLInputFactory.IS_COALESCING, false);
      xml = f.createXMLStreamReader(Objects.requireNonNull(sheetStream));
      return rows.header(this::nextRow);
    } catch (DataFormatException e) {
      close();
      throw e;
    } catch (Stopped e) {
      close();
      throw new DataFormatException(fileName + ": " + e.rule());
    } catch (XMLStreamException e) {
      close();
      throw new DataFormatException(fileName + ": " + where() + ": " + tripped(e, "not well-formed XML"));
    } catch (Exception e) {
      // POI's and the zip reader's messages may quote the file: the kind of failure only
      close();
      throw new DataFormatException(fileName + ": not a readable .xlsx workbook (" + e.getClass().getSimpleName()
          + ")");
    }
  }

  private String where() {
    return rows.where();
  }

  /** The size, the kind of file, and the zip directory's declared sizes, before POI reads anything. */
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
    if (size > limits.fileBytes()) {
      throw new DataFormatException(
          fileName + ": the workbook is larger than " + limits.fileBytes() + " bytes (limit maxFileBytes)");
    }
    if (got >= 4 && (magic[0] & 0xff) == 0xD0 && (magic[1] & 0xff) == 0xCF && (magic[2] & 0xff) == 0x11
        && (magic[3] & 0xff) == 0xE0) {
      throw new DataFormatException(fileName + ": an Excel 97-2003 (.xls) workbook, or an encrypted one, is not"
          + " read as .xlsx; read an .xls workbook with XlsSource (ctdc align picks it by the .xls extension)");
    }
    if (got < 4 || magic[0] != 'P' || magic[1] != 'K') {
      throw new DataFormatException(fileName + ": not an .xlsx workbook (an .xlsx file is a zip archive)");
    }
    Map<String, Long> sizes = new HashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      int n = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry z = e.nextElement();
        if (++n > MAX_ENTRIES) {
          throw new DataFormatException(fileName + ": more than " + MAX_ENTRIES + " parts in the workbook (limit)");
        }
        long raw = z.getSize();
        long packed = z.getCompressedSize();
        String part = "part " + (n);
        if (raw > limits.entryBytes()) {
          throw new DataFormatException(fileName + ": " + part + " inflates to more than " + limits.entryBytes()
              + " bytes (limit maxEntryBytes)");
        }
        if (raw > RATIO_GRACE && packed >= 0 && (double) packed / raw < limits.ratio()) {
          throw new DataFormatException(fileName + ": " + part + " inflates more than " + ratioText()
              + "-fold, as a zip bomb does (limit minInflateRatio)");
        }
        sizes.put("/" + z.getName(), packed);
      }
    } catch (IOException e) {
      throw new DataFormatException(fileName + ": not a readable .xlsx workbook (a damaged zip archive)");
    }
    compressed = sizes;
  }

  private String ratioText() {
    return SourceValues.number(1 / limits.ratio());
  }

  private boolean date1904(XSSFReader reader) throws Exception {
    try (InputStream in = new Bounded(reader.getWorkbookData(), "/xl/workbook.xml", "workbook")) {
      XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
      try {
        while (r.hasNext()) {
          if (r.next() == XMLStreamConstants.START_ELEMENT) {
            if (r.getLocalName().equals("workbookPr")) {
              String v = r.getAttributeValue(null, "date1904");
              return "1".equals(v) || "true".equals(v);
            }
            if (r.getLocalName().equals("sheets")) {
              return false;
            }
          }
        }
        return false;
      } finally {
        r.close();
      }
    }
  }

  /** The shared-strings table, each text read with the cell length limit and all within their own. */
  private List<String> sharedStrings(XSSFReader reader) throws Exception {
    InputStream data;
    try {
      data = reader.getSharedStringsData();
    } catch (Exception e) {
      // a workbook without text cells has no shared-strings part
      return List.of();
    }
    List<String> out = new ArrayList<>();
    long total = 0;
    try (InputStream in = new Bounded(data, "/xl/sharedStrings.xml", "shared strings")) {
      XMLInputFactory f = XMLHelper.newXMLInputFactory();
      f.setProperty(XMLInputFactory.IS_COALESCING, false);
      XMLStreamReader r = f.createXMLStreamReader(in);
      try {
        StringBuilder text = new StringBuilder();
        boolean inT = false;
        int phonetic = 0;
        while (r.hasNext()) {
          int ev = r.next();
          if (ev == XMLStreamConstants.START_ELEMENT) {
            String n = r.getLocalName();
            if (n.equals("si")) {
              text.setLength(0);
            } else if (n.equals("rPh")) {
              phonetic++;
            } else if (n.equals("t") && phonetic == 0) {
              inT = true;
            }
          } else if (ev == XMLStreamConstants.END_ELEMENT) {
            String n = r.getLocalName();
            if (n.equals("t")) {
              inT = false;
            } else if (n.equals("rPh")) {
              phonetic--;
            } else if (n.equals("si")) {
              String s = unescape(text);
              total += s.length();
              if (total > limits.sharedText()) {
                throw new DataFormatException(fileName + ": the shared strings hold more than "
                    + limits.sharedText() + " characters (limit maxSharedText)");
              }
              out.add(s);
            }
          } else if (inT && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
              || ev == XMLStreamConstants.SPACE)) {
            if (text.length() + r.getTextLength() > limits.cellLength()) {
              throw new DataFormatException(fileName + ": shared string " + (out.size() + 1) + " is longer than "
                  + limits.cellLength() + " characters (limit maxCellLength)");
            }
            text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
          }
        }
      } finally {
        r.close();
      }
    }
    return out;
  }

  /** Excel's escapes of characters XML cannot hold: {@code _x000D_} is a carriage return. */
  static String unescape(CharSequence s) {
    String t = s.toString();
    if (t.indexOf("_x") < 0) {
      return t;
    }
    StringBuilder b = new StringBuilder(t.length());
    int i = 0;
    while (i < t.length()) {
      if (i + 7 <= t.length() && t.charAt(i) == '_' && t.charAt(i + 1) == 'x' && t.charAt(i + 6) == '_'
          && isHex(t, i + 2, i + 6)) {
        b.append((char) Integer.parseInt(t.substring(i + 2, i + 6), 16));
        i += 7;
      } else {
        b.append(t.charAt(i++));
      }
    }
    return b.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------------------------------- header

  @Override
  public void reading(boolean[] columnsRead) {
    rows.reading(columnsRead);
  }

  // ------------------------------------------------------------------------------------------- rows

  @Override
  public Row next(@Nullable String[] out) {
    if (xml == null) {
      throw new IllegalStateException("columns() must be called before next()");
    }
    try {
      return rows.next(out, this::nextRow);
    } catch (XMLStreamException e) {
      throw new Stopped(where() + " row " + rows.nextSheetRow() + ": " + tripped(e, "not well-formed XML"), null);
    }
  }

  /** The rule a bounded stream broke under an XML failure, else the given one. */
  private static String tripped(Exception e, String otherwise) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Bounded.Tripped b) {
        return b.rule;
      }
      if (t instanceof XMLStreamException x && x.getNestedException() instanceof Bounded.Tripped b) {
        return b.rule;
      }
    }
    return otherwise;
  }

  /**
   * Reads the next {@code <row>} into {@link #cells}; false at the end of the sheet's data. Cells the spec
   * does not read are not converted.
   */
  private boolean nextRow() throws XMLStreamException {
    XMLStreamReader r = Objects.requireNonNull(xml);
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        if (n.equals("row")) {
          readRow(r);
          return true;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("sheetData")) {
        return false;
      }
    }
    return false;
  }

  private void readRow(XMLStreamReader r) throws XMLStreamException {
    String at = r.getAttributeValue(null, "r");
    long row = at == null ? cells.row + 1 : parseRow(at);
    if (row <= cells.row) {
      throw new Stopped(where() + " row " + row + ": rows out of order", null);
    }
    cells.start(row);

    int col = -1;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("c")) {
        String ref = r.getAttributeValue(null, "r");
        int c = ref == null ? col + 1 : Cells.column(ref);
        if (c <= col) {
          throw new Stopped(where() + " row " + row + ": cells out of order", null);
        }
        col = c;
        if (c >= limits.columns()) {
          throw new Stopped(where() + " row " + row + ": more than " + limits.columns() + " columns (limit)", null);
        }
        cell(r, c, rows.converts(c));
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row")) {
        return;
      }
    }
  }

  private long parseRow(String at) {
    try {
      long v = Long.parseLong(at.strip());
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new Stopped(where() + " row " + (cells.row + 1) + ": a row number that is not a number", null);
    }
  }

  /** Reads one {@code <c>} element, positioned on its start; converts it when {@code convert}. */
  private void cell(XMLStreamReader r, int c, boolean convert) throws XMLStreamException {
    String type = r.getAttributeValue(null, "t");
    String style = r.getAttributeValue(null, "s");
    StringBuilder v = cells.text;
    v.setLength(0);
    boolean hasV = false;
    boolean formula = false;
    int depth = 1;
    boolean inValue = false;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String n = r.getLocalName();
        if (n.equals("f")) {
          formula = true;
        } else if (n.equals("v") || n.equals("t")) {
          inValue = true;
          hasV = true;
        } else if (n.equals("rPh")) {
          skip(r);
          depth--;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        inValue = false;
      } else if (inValue && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
          || ev == XMLStreamConstants.SPACE)) {
        if (v.length() + r.getTextLength() > limits.cellLength()) {
          throw new Stopped(where() + " cell " + Cells.ref(c, cells.row) + name(c) + ": a cell is longer than "
              + limits.cellLength() + " characters (limit maxCellLength)", null);
        }
        if (convert) {
          v.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        } else {
          v.append('x');
        }
      }
    }
    if (!hasV) {
      if (formula && convert) {
        cells.error(c);
      }
      return;
    }
    if (!convert) {
      cells.put(c, "x");
      return;
    }
    String value = value(type, style, v, c);
    if (value != null) {
      cells.put(c, value);
    }
  }

  private static void skip(XMLStreamReader r) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private String name(int c) {
    return rows.name(c);
  }

  private @Nullable String value(@Nullable String type, @Nullable String style, StringBuilder v, int c) {
    String t = type == null ? "n" : type;
    switch (t) {
      case "s" -> {
        int i;
        try {
          i = Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
          i = -1;
        }
        if (i < 0 || i >= sharedStrings.size()) {
          throw new Stopped(where() + " cell " + Cells.ref(c, cells.row) + name(c)
              + ": a shared string that the workbook does not hold", null);
        }
        String s = sharedStrings.get(i);
        return s.isEmpty() ? null : s;
      }
      case "inlineStr", "str" -> {
        return v.length() == 0 ? null : unescape(v);
      }
      case "b" -> {
        String s = v.toString().strip();
        return s.equals("1") || s.equalsIgnoreCase("true") ? "true" : "false";
      }
      case "e" -> {
        cells.error(c);
        return null;
      }
      case "d" -> {
        String s = v.toString().strip();
        return s.length() >= 10 ? isoDate(s, c) : null;
      }
      default -> {
        String s = v.toString().strip();
        if (s.isEmpty()) {
          return null;
        }
        double d;
        try {
          d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new Stopped(where() + " cell " + Cells.ref(c, cells.row) + name(c) + ": a number cell that holds no number",
              null);
        }
        return rows.number(d, format(style), date1904, c);
      }
    }
  }

  private String isoDate(String s, int c) {
    try {
      return SourceValues.dateTime(java.time.LocalDateTime.parse(s.length() == 10 ? s + "T00:00" : s));
    } catch (java.time.format.DateTimeParseException e) {
      throw new Stopped(where() + " cell " + Cells.ref(c, cells.row) + name(c) + ": a date cell that holds no ISO date",
          null);
    }
  }

  private CellFormat format(@Nullable String style) {
    if (style == null || styles == null) {
      return CellFormat.PLAIN;
    }
    int i;
    try {
      i = Integer.parseInt(style.strip());
    } catch (NumberFormatException e) {
      return CellFormat.PLAIN;
    }
    if (i < 0 || i >= Objects.requireNonNull(styles).getNumCellStyles()) {
      return CellFormat.PLAIN;
    }
    while (formats.size() <= i) {
      formats.add(null);
    }
    CellFormat f = formats.get(i);
    if (f == null) {
      XSSFCellStyle cs = Objects.requireNonNull(styles).getStyleAt(i);
      if (cs == null) {
        f = CellFormat.PLAIN;
      } else {
        f = CellFormat.of(cs.getDataFormat(), cs.getDataFormatString());
      }
      formats.set(i, f);
    }
    return f;
  }

  @Override
  public void close() {
    XMLStreamReader r = xml;
    xml = null;
    if (r != null) {
      try {
        r.close();
      } catch (XMLStreamException e) {
        // nothing more to read from it
      }
    }
    InputStream s = sheetStream;
    sheetStream = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // read only
      }
    }
    OPCPackage p = pkg;
    if (p != null) {
      // opened read only: revert() closes without writing anything back
      p.revert();
    }
  }

  // ------------------------------------------------------------------------------------------- helpers

  /** A part's stream held to the inflated size and inflate ratio limits while it is read. */
  private final class Bounded extends java.io.FilterInputStream {
    private final long packed;
    private final String what;
    private long count;

    Bounded(InputStream in, String part, String what) {
      super(in);
      Long p = compressed.get(part);
      this.packed = p == null ? -1 : p;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) throws Tripped {
      count += n;
      if (count > limits.entryBytes()) {
        throw new Tripped(what + ": inflates to more than " + limits.entryBytes() + " bytes (limit maxEntryBytes)");
      }
      if (count > RATIO_GRACE && packed >= 0 && (double) packed / count < limits.ratio()) {
        throw new Tripped(what + ": inflates more than " + ratioText() + "-fold, as a zip bomb does (limit minInflateRatio)");
      }
    }

    /** A limit broken while reading. */
    static final class Tripped extends IOException {
      private static final long serialVersionUID = 1L;
      final String rule;

      Tripped(String rule) {
        super(rule);
        this.rule = rule;
      }
    }
  }

  /** Configures an {@link XlsxSource}; each setting is checked where it is set. Not thread-safe. */
  public static final class Builder {
    private final Path file;
    private @Nullable String sheetName;
    private int sheetIndex;
    private boolean sheetSet;
    private int headerRow = 1;
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
    private double minInflateRatio = DEFAULT_MIN_INFLATE_RATIO;
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
      checkSheet(name, sheetSet && sheetName == null);
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
      checkSheetIndex(index, sheetName != null);
      this.sheetIndex = index;
      this.sheetSet = true;
      return this;
    }

    /**
     * @param row the 1-based sheet row of the header (default 1); rows above it are not read
     * @return this builder
     * @throws IllegalArgumentException if below 1 or over Excel's 1,048,576 rows
     */
    public Builder headerRow(int row) {
      if (row < 1 || row > 1_048_576) {
        throw new IllegalArgumentException("headerRow must be 1 to 1048576, was " + row);
      }
      this.headerRow = row;
      return this;
    }

    /**
     * @param bytes the largest workbook file (default {@value XlsxSource#DEFAULT_MAX_FILE_BYTES})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = positive("maxFileBytes", bytes);
      return this;
    }

    /**
     * @param bytes the largest part once inflated (default {@value XlsxSource#DEFAULT_MAX_ENTRY_BYTES})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxEntryBytes(long bytes) {
      this.maxEntryBytes = positive("maxEntryBytes", bytes);
      return this;
    }

    /**
     * @param ratio the least compressed-to-inflated ratio of a part over 64 KiB (default
     *     {@value XlsxSource#DEFAULT_MIN_INFLATE_RATIO})
     * @return this builder
     * @throws IllegalArgumentException if not above 0 and at most 1
     */
    public Builder minInflateRatio(double ratio) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("minInflateRatio must be above 0 and at most 1, was " + ratio);
      }
      this.minInflateRatio = ratio;
      return this;
    }

    /**
     * @param chars the most characters of the shared-strings table, held in memory (default
     *     {@value XlsxSource#DEFAULT_MAX_SHARED_TEXT})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxSharedText(long chars) {
      this.maxSharedText = positive("maxSharedText", chars);
      return this;
    }

    /**
     * @param chars the longest cell (default {@value XlsxSource#DEFAULT_MAX_CELL_LENGTH})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxCellLength(int chars) {
      this.maxCellLength = (int) positive("maxCellLength", chars);
      return this;
    }

    /**
     * @param rows the most data rows, blank rows included (default {@value XlsxSource#DEFAULT_MAX_ROWS})
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxRows(long rows) {
      this.maxRows = positive("maxRows", rows);
      return this;
    }

    /**
     * @param columns the most columns of a row (default {@link Aligner#MAX_COLUMNS})
     * @return this builder
     * @throws IllegalArgumentException if below 1 or over {@link Aligner#MAX_COLUMNS}
     */
    public Builder maxColumns(int columns) {
      this.maxColumns = checkColumns(columns);
      return this;
    }

    static void checkSheet(String name, boolean indexSet) {
      if (name.isBlank()) {
        throw new IllegalArgumentException("sheet must not be blank");
      }
      if (indexSet) {
        throw new IllegalStateException("sheet conflicts with sheetIndex, set before: give one of them");
      }
    }

    static void checkSheetIndex(int index, boolean nameSet) {
      if (index < 0) {
        throw new IllegalArgumentException("sheetIndex must not be negative, was " + index);
      }
      if (nameSet) {
        throw new IllegalStateException("sheetIndex conflicts with sheet, set before: give one of them");
      }
    }

    static int checkColumns(int columns) {
      if (columns < 1 || columns > Aligner.MAX_COLUMNS) {
        throw new IllegalArgumentException("maxColumns must be 1 to " + Aligner.MAX_COLUMNS + ", was " + columns);
      }
      return columns;
    }

    static long positive(String setting, long v) {
      if (v < 1) {
        throw new IllegalArgumentException(setting + " must be at least 1, was " + v);
      }
      return v;
    }

    /** @return the source; the workbook is opened when the aligner reads it */
    public XlsxSource build() {
      return new XlsxSource(this);
    }
  }
}
