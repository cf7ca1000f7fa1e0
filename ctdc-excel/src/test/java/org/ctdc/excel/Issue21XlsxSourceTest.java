package org.ctdc.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.RejectReason;
import org.ctdc.core.RowSource;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InputStoppedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: a sheet of an .xlsx workbook, generated here with POI, read as the aligner's input. */
class Issue21XlsxSourceTest {

  @TempDir Path dir;

  /** Writes a workbook built by {@code build}. */
  static Path workbook(Path file, Consumer<XSSFWorkbook> build) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      build.accept(wb);
      wb.write(out);
    }
    return file;
  }

  /** A sheet of text cells: the header, then the rows. */
  static void textSheet(org.apache.poi.ss.usermodel.Workbook wb, String name, List<String> header, Iterable<Map<String, String>> rows) {
    Sheet s = wb.createSheet(name);
    Row h = s.createRow(0);
    for (int i = 0; i < header.size(); i++) {
      h.createCell(i).setCellValue(header.get(i));
    }
    int r = 1;
    for (Map<String, String> m : rows) {
      Row row = s.createRow(r++);
      for (int i = 0; i < header.size(); i++) {
        String v = m.get(header.get(i));
        if (v != null && !v.isEmpty()) {
          row.createCell(i).setCellValue(v);
        }
      }
    }
  }

  /** All rows of a source, each cell array copied; blank rows as null. */
  static List<List<String>> read(RowSource s) {
    List<List<String>> out = new ArrayList<>();
    List<String> cols = s.columns();
    boolean[] all = new boolean[cols.size()];
    Arrays.fill(all, true);
    s.reading(all);
    out.add(cols);
    String[] cells = new String[cols.size()];
    RowSource.Row got;
    while ((got = s.next(cells)) != RowSource.Row.END) {
      out.add(got == RowSource.Row.ROW ? Arrays.asList(cells.clone()) : List.of(got.name()));
    }
    s.close();
    return out;
  }

  private static String csv(AlignmentResult r) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w.toString();
  }

  @Test
  void issue21_aSheetAlignsAsItsCsvDoes() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    Path x = workbook(dir.resolve("cases.xlsx"), wb -> {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("not this sheet");
      textSheet(wb, "Cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 2000, 21));
    });
    StringWriter text = new StringWriter();
    PartnerSamples.writeCsv(profile, 2000, 21, text);
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    AlignmentResult fromCsv = a.alignCsv(new StringReader(text.toString()), "cases.xlsx");
    AlignmentResult byName = a.align(XlsxSource.builder(x).sheet("Cases").build());
    AlignmentResult byIndex = a.align(XlsxSource.builder(x).sheetIndex(1).build());
    assertEquals(2000, byName.report().rowsRead());
    assertEquals(csv(fromCsv), csv(byName));
    assertEquals(fromCsv.report().toJson(), byName.report().toJson());
    assertEquals(fromCsv.report().toJson(), byIndex.report().toJson());
  }

  @Test
  void issue21_cellsAreReadAsWhatTheyAre() throws Exception {
    Path x = workbook(dir.resolve("typed.xlsx"), wb -> {
      Sheet s = wb.createSheet("S");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("d/m/yyyy"));
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      CellStyle zip = wb.createCellStyle();
      zip.setDataFormat(wb.createDataFormat().getFormat("00000"));
      CellStyle asText = wb.createCellStyle();
      asText.setDataFormat(wb.createDataFormat().getFormat("@"));
      Row h = s.createRow(0);
      String[] names = {"date", "when", "code", "zip", "n", "half", "flag", "sum", "label", "merged", "right"};
      for (int i = 0; i < names.length; i++) {
        h.createCell(i).setCellValue(names[i]);
      }
      Row r = s.createRow(1);
      Cell d = r.createCell(0);
      d.setCellValue(LocalDate.of(2020, 1, 1));
      d.setCellStyle(date);
      Cell t = r.createCell(1);
      t.setCellValue(java.time.LocalDateTime.of(2020, 1, 1, 9, 30));
      t.setCellStyle(dateTime);
      Cell code = r.createCell(2);
      code.setCellValue("007");
      code.setCellStyle(asText);
      Cell z = r.createCell(3);
      z.setCellValue(2134);
      z.setCellStyle(zip);
      r.createCell(4).setCellValue(25.0);
      r.createCell(5).setCellValue(0.5);
      r.createCell(6).setCellValue(true);
      r.createCell(7).setCellFormula("E2+1");
      r.createCell(8).setCellFormula("\"a\"&\"b\"");
      r.createCell(9).setCellValue("top-left");
      r.createCell(10).setCellValue("x");
      s.addMergedRegion(new CellRangeAddress(1, 2, 9, 10));
      // row 3 has only the merged range's other cells, which are empty: a row with one value
      s.createRow(2).createCell(0).setCellValue(LocalDate.of(2021, 12, 31));
      s.getRow(2).getCell(0).setCellStyle(date);
      // row 4 blank, row 5 absent, row 6 with a value
      s.createRow(3).createCell(2).setCellValue("  ");
      s.createRow(5).createCell(4).setCellValue(-3);
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    List<List<String>> rows = read(XlsxSource.of(x));
    assertEquals(List.of("date", "when", "code", "zip", "n", "half", "flag", "sum", "label", "merged", "right"),
        rows.get(0));
    assertEquals(Arrays.asList("2020-01-01", "2020-01-01T09:30", "007", "02134", "25", "0.5", "true", "26", "ab",
        "top-left", "x"), rows.get(1));
    assertEquals(Arrays.asList("2021-12-31", null, null, null, null, null, null, null, null, null, null), rows.get(2));
    assertEquals(List.of("BLANK"), rows.get(3));
    assertEquals(List.of("BLANK"), rows.get(4));
    assertEquals("-3", rows.get(5).get(4));
    assertEquals(6, rows.size());
  }

  @Test
  void issue21_theDate1904SystemIsRead() throws Exception {
    Path x = workbook(dir.resolve("1904.xlsx"), wb -> {
      wb.setWorkbookType(org.apache.poi.xssf.usermodel.XSSFWorkbookType.XLSX);
      wb.getCTWorkbook().addNewWorkbookPr().setDate1904(true);
      Sheet s = wb.createSheet("S");
      s.createRow(0).createCell(0).setCellValue("date");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      Cell c = s.createRow(1).createCell(0);
      c.setCellValue(LocalDate.of(2020, 1, 1));
      c.setCellStyle(date);
    });
    assertEquals(List.of("2020-01-01"), read(XlsxSource.of(x)).get(1));
  }

  @Test
  void issue21_errorsUncalculatedFormulasAndExtraCellsRejectTheirRows() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    Path x = workbook(dir.resolve("bad.xlsx"), wb -> {
      textSheet(wb, "Cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 6, 5));
      Sheet s = wb.getSheet("Cases");
      int age = PartnerSamples.header(profile).indexOf("Age");
      s.getRow(2).createCell(age).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
      s.getRow(3).createCell(age).setCellFormula("1/0");
      s.getRow(4).createCell(PartnerSamples.header(profile).size() + 2).setCellValue("aside");
      // an error in a column the spec does not read is no matter
      s.getRow(5).createCell(PartnerSamples.header(profile).indexOf("FirstName"))
          .setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.REF.getCode());
    });
    AlignmentResult r = Aligner.of(Specs.load(profile.specName())).align(XlsxSource.of(x));
    assertEquals(6, r.report().rowsRead());
    assertEquals(6, r.report().rowsAligned() + r.report().rowsRejected());
    var byReason = new java.util.TreeMap<String, List<Long>>();
    r.report().rejects().forEach(g -> byReason.computeIfAbsent(g.reason().id(), k -> new ArrayList<>()).addAll(g.rows()));
    assertEquals(List.of(2L, 3L), byReason.get(RejectReason.MALFORMED_ROW.id()), r.report().toJson());
    assertEquals(List.of(4L), byReason.get(RejectReason.EXTRA_FIELDS.id()), r.report().toJson());
  }

  @Test
  void issue21_aSheetOrAHeaderThatIsNotThereIsNamed() throws Exception {
    Path x = workbook(dir.resolve("two.xlsx"), wb -> {
      wb.createSheet("A").createRow(0).createCell(0).setCellValue("h");
      wb.createSheet("B");
    });
    Aligner a = Aligner.of(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON));
    DataFormatException e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(x).sheet("Cases").build()));
    assertEquals("two.xlsx: no sheet 'Cases' (the workbook's sheets: 'A', 'B')", e.getMessage());
    e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(x).sheetIndex(1).build()));
    assertTrue(e.getMessage().startsWith("two.xlsx: sheet 'B': no header in row 1"), e.getMessage());
    e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.of(x)));
    assertTrue(e.getMessage().startsWith("two.xlsx: header: no column ["), e.getMessage());
    e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(x).headerRow(3).build()));
    assertTrue(e.getMessage().startsWith("two.xlsx: sheet 'A': no header in row 3"), e.getMessage());
  }

  @Test
  void issue21_aHeaderInALaterRowAndBlankHeaderCells() throws Exception {
    Path x = workbook(dir.resolve("later.xlsx"), wb -> {
      Sheet s = wb.createSheet("S");
      s.createRow(0).createCell(0).setCellValue("Extract of 2024");
      Row h = s.createRow(2);
      h.createCell(0).setCellValue("a");
      h.createCell(2).setCellValue("c");
      Row r = s.createRow(3);
      r.createCell(0).setCellValue("1");
      r.createCell(1).setCellValue("2");
    });
    List<List<String>> rows = read(XlsxSource.builder(x).headerRow(3).build());
    assertEquals(List.of("a", "(column B)", "c"), rows.get(0));
    assertEquals(Arrays.asList("1", "2", null), rows.get(1));
  }

  @Test
  void issue21_otherFilesAreRefusedClearly() throws Exception {
    Aligner a = Aligner.of(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON));
    Path xls = Files.write(dir.resolve("old.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
        (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
    DataFormatException e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.of(xls)));
    assertEquals("old.xls: an Excel 97-2003 (.xls) workbook, or an encrypted one, is not read as .xlsx; read an .xls"
        + " workbook with XlsSource (ctdc align picks it by the .xls extension)", e.getMessage());
    Path csv = Files.writeString(dir.resolve("cases.xlsx"), "CaseNo,Age\n1,2\n");
    e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.of(csv)));
    assertEquals("cases.xlsx: not an .xlsx workbook (an .xlsx file is a zip archive)", e.getMessage());
    Path zip = dir.resolve("other.xlsx");
    try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
      z.write("CANARY-zip".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.of(zip)));
    assertTrue(e.getMessage().startsWith("other.xlsx: not a readable .xlsx workbook ("), e.getMessage());
    assertEquals(null, e.getCause());
    e = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.of(dir.resolve("none.xlsx"))));
    assertTrue(e.getMessage().startsWith("none.xlsx: cannot be read ("), e.getMessage());
  }

  @Test
  void issue21_limitsFailClosedNamingSheetCellAndRule() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    List<String> header = PartnerSamples.header(profile);
    int citizenship = header.indexOf("Citizenship");
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    // a long text cell kept in the shared strings: refused while the table is read, before any row
    Path shared = workbook(dir.resolve("shared.xlsx"), wb -> {
      textSheet(wb, "Cases", header, PartnerSamples.rows(profile, 20, 5));
      wb.getSheet("Cases").getRow(12).getCell(citizenship).setCellValue("CANARY-".repeat(200));
    });
    DataFormatException d = assertThrows(DataFormatException.class,
        () -> a.align(XlsxSource.builder(shared).maxCellLength(1000).build()));
    assertTrue(d.getMessage().matches("shared\\.xlsx: shared string \\d+ is longer than 1000 characters \\(limit maxCellLength\\)"),
        d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(shared).maxSharedText(100).build()));
    assertEquals("shared.xlsx: the shared strings hold more than 100 characters (limit maxSharedText)", d.getMessage());

    // a long inline text cell (as streaming writers write them) in row 12: the run stops there
    Path inline = dir.resolve("inline.xlsx");
    try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(); OutputStream out = Files.newOutputStream(inline)) {
      Sheet s = wb.createSheet("Cases");
      Row h = s.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      int r = 1;
      for (Map<String, String> m : PartnerSamples.rows(profile, 20, 5)) {
        Row row = s.createRow(r);
        for (int i = 0; i < header.size(); i++) {
          row.createCell(i).setCellValue(r == 12 && i == citizenship ? "CANARY-".repeat(200) : m.get(header.get(i)));
        }
        r++;
      }
      wb.write(out);
    }
    assertEquals(20, a.align(XlsxSource.of(inline)).report().rowsRead());
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> a.align(XlsxSource.builder(inline).maxCellLength(1000).build()));
    assertEquals(12, e.row());
    assertEquals(11, e.rowsRead());
    assertTrue(e.getMessage().startsWith("inline.xlsx: row 12: sheet 'Cases' cell " + (char) ('A' + citizenship)
        + "13 (column 'Citizenship'): a cell is longer than 1000 characters (limit maxCellLength); reading stopped"
        + " there: 11 rows read before it"), e.getMessage());
    assertFalse(e.getMessage().contains("CANARY"));

    e = assertThrows(InputStoppedException.class, () -> a.align(XlsxSource.builder(inline).maxRows(5).build()));
    assertEquals(6, e.row());
    assertTrue(e.getMessage().contains("sheet 'Cases': over the limit of 5 rows (limit maxRows)"), e.getMessage());

    // a part that inflates more than the least ratio allows: refused before it is read
    Path bomb = dir.resolve("bomb.xlsx");
    try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(); OutputStream out = Files.newOutputStream(bomb)) {
      Sheet s = wb.createSheet("Cases");
      for (int r = 0; r < 5000; r++) {
        Row row = s.createRow(r);
        for (int i = 0; i < 10; i++) {
          row.createCell(i).setCellValue("same");
        }
      }
      wb.write(out);
    }
    d = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(bomb).minInflateRatio(0.5).build()));
    assertTrue(d.getMessage().matches("bomb\\.xlsx: part \\d+ inflates more than 2-fold, as a zip bomb does"
        + " \\(limit minInflateRatio\\)"), d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(inline).maxEntryBytes(1000).build()));
    assertTrue(d.getMessage().matches("inline\\.xlsx: part \\d+ inflates to more than 1000 bytes \\(limit maxEntryBytes\\)"),
        d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsxSource.builder(inline).maxFileBytes(1000).build()));
    assertEquals("inline.xlsx: the workbook is larger than 1000 bytes (limit maxFileBytes)", d.getMessage());
  }

  @Test
  void issue21_settingsAreCheckedAtTheSetter() {
    Path x = dir.resolve("x.xlsx");
    assertThrows(IllegalStateException.class, () -> XlsxSource.builder(x).sheet("A").sheetIndex(1));
    assertThrows(IllegalStateException.class, () -> XlsxSource.builder(x).sheetIndex(1).sheet("A"));
    assertThrows(IllegalArgumentException.class, () -> XlsxSource.builder(x).sheet(" "));
    assertThrows(IllegalArgumentException.class, () -> XlsxSource.builder(x).headerRow(0));
    assertThrows(IllegalArgumentException.class, () -> XlsxSource.builder(x).minInflateRatio(0));
    assertThrows(IllegalArgumentException.class, () -> XlsxSource.builder(x).maxColumns(Aligner.MAX_COLUMNS + 1));
    assertThrows(IllegalArgumentException.class, () -> XlsxSource.builder(x).maxRows(0));
  }
}
