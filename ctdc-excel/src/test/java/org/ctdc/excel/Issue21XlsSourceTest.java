package org.ctdc.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.RejectReason;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InputStoppedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a sheet of an Excel 97-2003 ({@code .xls}) workbook, written here with POI's HSSF, read as the
 * aligner's input; the same workbook saved as {@code .xlsx} gives the same rows.
 */
class Issue21XlsSourceTest {

  @TempDir Path dir;

  /** Writes an .xls workbook built by {@code build}. */
  static Path xls(Path file, Consumer<? super HSSFWorkbook> build) throws IOException {
    try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      build.accept(wb);
      wb.write(out);
    }
    return file;
  }

  private static String csv(AlignmentResult r) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w.toString();
  }

  /** Sheets of typed cells, written the same way into either format. */
  private static void typed(Workbook wb) {
    wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("not this sheet");
    Sheet s = wb.createSheet("Typed");
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("d/m/yyyy"));
    CellStyle builtinDate = wb.createCellStyle();
    builtinDate.setDataFormat((short) 14);
    CellStyle dateTime = wb.createCellStyle();
    dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    CellStyle zip = wb.createCellStyle();
    zip.setDataFormat(wb.createDataFormat().getFormat("00000"));
    CellStyle asText = wb.createCellStyle();
    asText.setDataFormat(wb.createDataFormat().getFormat("@"));
    Row h = s.createRow(0);
    String[] names = {"date", "when", "code", "zip", "n", "half", "flag", "sum", "label", "merged", "right", "d14",
        "big"};
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
    Cell d14 = r.createCell(11);
    d14.setCellValue(LocalDate.of(1999, 12, 31));
    d14.setCellStyle(builtinDate);
    r.createCell(12).setCellValue(123456789012.0);
    s.addMergedRegion(new CellRangeAddress(1, 2, 9, 10));
    // row 3: one date and the merged range's other cells, which are empty
    s.createRow(2).createCell(0).setCellValue(LocalDate.of(2021, 12, 31));
    s.getRow(2).getCell(0).setCellStyle(date);
    // row 4 blank but styled, row 5 absent, row 6 with a negative number and a text formula's empty result
    s.createRow(3).createCell(2).setCellValue("  ");
    s.getRow(3).createCell(4).setCellStyle(zip);
    Row six = s.createRow(5);
    six.createCell(4).setCellValue(-3);
    six.createCell(5).setCellFormula("IF(E6<0,\"neg\",\"pos\")");
    six.createCell(6).setCellFormula("E6>0");
    // a third sheet, a text-only one with a formula whose text result is the last cell of the sheet
    Sheet third = wb.createSheet("Third");
    third.createRow(0).createCell(0).setCellValue("only");
    third.createRow(1).createCell(0).setCellFormula("\"0\"&\"42\"");
    wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
  }

  @Test
  void issue21_anXlsSheetGivesTheRowsOfTheSameWorkbookAsXlsx() throws Exception {
    Path old = xls(dir.resolve("typed.xls"), Issue21XlsSourceTest::typed);
    Path x = Issue21XlsxSourceTest.workbook(dir.resolve("typed.xlsx"), Issue21XlsSourceTest::typed);
    List<List<String>> rows = Issue21XlsxSourceTest.read(XlsSource.builder(old).sheet("Typed").build());
    assertEquals(Issue21XlsxSourceTest.read(XlsxSource.builder(x).sheet("Typed").build()), rows);
    assertEquals(Arrays.asList("2020-01-01", "2020-01-01T09:30", "007", "02134", "25", "0.5", "true", "26", "ab",
        "top-left", "x", "1999-12-31", "123456789012"), rows.get(1));
    assertEquals(Arrays.asList("2021-12-31", null, null, null, null, null, null, null, null, null, null, null,
        null), rows.get(2));
    assertEquals(List.of("BLANK"), rows.get(3));
    assertEquals(List.of("BLANK"), rows.get(4));
    assertEquals(Arrays.asList(null, null, null, null, "-3", "neg", "false", null, null, null, null, null, null),
        rows.get(5));
    assertEquals(6, rows.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(Issue21XlsxSourceTest.read(XlsxSource.builder(x).sheetIndex(i).build()),
          Issue21XlsxSourceTest.read(XlsSource.builder(old).sheetIndex(i).build()), "sheet " + i);
    }
    assertEquals(List.of(List.of("only"), List.of("042")), Issue21XlsxSourceTest.read(XlsSource.builder(old).sheet("Third").build()));
    XlsSource first = XlsSource.of(old);
    first.columns();
    assertEquals("Notes", first.sheet());
    first.close();
  }

  @Test
  void issue21_anXlsSheetAlignsAsItsCsvDoes() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    // more than one block of 32 rows and more than one SST continuation: 3000 rows
    Path old = xls(dir.resolve("cases.xls"), wb -> {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("not this sheet");
      Issue21XlsxSourceTest.textSheet(wb, "Cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 3000, 21));
    });
    StringWriter text = new StringWriter();
    PartnerSamples.writeCsv(profile, 3000, 21, text);
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    AlignmentResult fromCsv = a.alignCsv(new StringReader(text.toString()), "cases.xls");
    AlignmentResult byName = a.align(XlsSource.builder(old).sheet("Cases").build());
    AlignmentResult byIndex = a.align(XlsSource.builder(old).sheetIndex(1).build());
    assertEquals(3000, byName.report().rowsRead());
    assertEquals(csv(fromCsv), csv(byName));
    assertEquals(fromCsv.report().toJson(), byName.report().toJson());
    assertEquals(fromCsv.report().toJson(), byIndex.report().toJson());
  }

  @Test
  void issue21_errorsAndExtraCellsRejectTheirRows() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    List<String> header = PartnerSamples.header(profile);
    Path old = xls(dir.resolve("bad.xls"), wb -> {
      Issue21XlsxSourceTest.textSheet(wb, "Cases", header, PartnerSamples.rows(profile, 6, 5));
      Sheet s = wb.getSheet("Cases");
      s.getRow(2).createCell(header.indexOf("Age")).setCellErrorValue(FormulaError.NA.getCode());
      s.getRow(3).createCell(header.indexOf("Age")).setCellFormula("1/0");
      s.getRow(4).createCell(header.size() + 2).setCellValue("aside");
      s.getRow(5).createCell(header.indexOf("FirstName")).setCellErrorValue(FormulaError.REF.getCode());
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    AlignmentResult r = Aligner.of(Specs.load(profile.specName())).align(XlsSource.of(old));
    assertEquals(6, r.report().rowsRead());
    var byReason = new java.util.TreeMap<String, List<Long>>();
    r.report().rejects().forEach(g -> byReason.computeIfAbsent(g.reason().id(), k -> new java.util.ArrayList<>()).addAll(g.rows()));
    assertEquals(List.of(2L, 3L), byReason.get(RejectReason.MALFORMED_ROW.id()), r.report().toJson());
    assertEquals(List.of(4L), byReason.get(RejectReason.EXTRA_FIELDS.id()), r.report().toJson());
  }

  @Test
  void issue21_limitsFailClosedNamingSheetCellAndRule() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    List<String> header = PartnerSamples.header(profile);
    int citizenship = header.indexOf("Citizenship");
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    Path shared = xls(dir.resolve("shared.xls"), wb -> {
      Issue21XlsxSourceTest.textSheet(wb, "Cases", header, PartnerSamples.rows(profile, 20, 5));
      wb.getSheet("Cases").getRow(12).getCell(citizenship).setCellValue("CANARY-".repeat(200));
    });
    DataFormatException d = assertThrows(DataFormatException.class,
        () -> a.align(XlsSource.builder(shared).maxCellLength(1000).build()));
    assertTrue(d.getMessage().matches("shared\\.xls: shared string \\d+ is longer than 1000 characters \\(limit maxCellLength\\)"),
        d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.builder(shared).maxSharedText(100).build()));
    assertEquals("shared.xls: the shared strings hold more than 100 characters (limit maxSharedText)", d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.builder(shared).maxFileBytes(1000).build()));
    assertEquals("shared.xls: the workbook is larger than 1000 bytes (limit maxFileBytes)", d.getMessage());

    // a long text result of a formula in row 12: the run stops there
    Path formula = xls(dir.resolve("formula.xls"), wb -> {
      Issue21XlsxSourceTest.textSheet(wb, "Cases", header, PartnerSamples.rows(profile, 20, 5));
      wb.getSheet("Cases").getRow(12).getCell(citizenship).setCellFormula("REPT(\"CANARY-\",200)");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    });
    assertEquals(20, a.align(XlsSource.of(formula)).report().rowsRead());
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> a.align(XlsSource.builder(formula).maxCellLength(1000).build()));
    assertEquals(12, e.row());
    assertEquals(11, e.rowsRead());
    assertTrue(e.getMessage().startsWith("formula.xls: row 12: sheet 'Cases' cell " + (char) ('A' + citizenship)
        + "13 (column 'Citizenship'): a cell is longer than 1000 characters (limit maxCellLength); reading stopped"
        + " there: 11 rows read before it"), e.getMessage());
    assertFalse(e.getMessage().contains("CANARY"));

    e = assertThrows(InputStoppedException.class, () -> a.align(XlsSource.builder(formula).maxRows(5).build()));
    assertEquals(6, e.row());
    assertTrue(e.getMessage().contains("sheet 'Cases': over the limit of 5 rows (limit maxRows)"), e.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.builder(formula).maxColumns(3).build()));
    assertEquals("formula.xls: sheet 'Cases' row 1: more than 3 columns (limit)", d.getMessage());
  }

  @Test
  void issue21_damagedEncryptedAndOtherFilesAreRefusedInOneLine() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    Path good = xls(dir.resolve("good.xls"), wb -> Issue21XlsxSourceTest.textSheet(wb, "Cases",
        PartnerSamples.header(profile), PartnerSamples.rows(profile, 200, 5)));
    byte[] bytes = Files.readAllBytes(good);

    // the workbook stream cut short: the OLE2 container cannot be read
    Path cut = Files.write(dir.resolve("cut.xls"), Arrays.copyOf(bytes, bytes.length / 2));
    DataFormatException d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.of(cut)));
    assertTrue(d.getMessage().matches("cut\\.xls: not a readable \\.xls workbook \\(\\w+\\)"), d.getMessage());
    assertNull(d.getCause());

    // the records overwritten in the middle: refused, or stopped at a row, in one line without a value
    byte[] scrambled = bytes.clone();
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(21);
    for (int i = 4096; i < scrambled.length - 4096; i += 7) {
      scrambled[i] = (byte) rnd.nextInt(256);
    }
    Path bad = Files.write(dir.resolve("bad.xls"), scrambled);
    RuntimeException e = assertThrows(RuntimeException.class, () -> a.align(XlsSource.of(bad)));
    assertTrue(e instanceof DataFormatException || e instanceof InputStoppedException, e.toString());
    assertTrue(e.getMessage().startsWith("bad.xls: "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());

    Path encrypted = dir.resolve("locked.xls");
    Biff8EncryptionKey.setCurrentUserPassword("secret");
    try {
      xls(encrypted, wb -> Issue21XlsxSourceTest.textSheet(wb, "Cases", PartnerSamples.header(profile),
          PartnerSamples.rows(profile, 5, 5)));
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.of(encrypted)));
    assertEquals("locked.xls: an encrypted workbook is not read; save it without a password", d.getMessage());

    Path x = Issue21XlsxSourceTest.workbook(dir.resolve("new.xls"), wb -> wb.createSheet("S"));
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.of(x)));
    assertEquals("new.xls: an .xlsx workbook (a zip archive), not an .xls one; read it as .xlsx", d.getMessage());
    Path text = Files.writeString(dir.resolve("cases.xls"), "CaseNo,Age\n1,2\n");
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.of(text)));
    assertEquals("cases.xls: not an .xls workbook (an .xls file is an OLE2 compound file)", d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.of(dir.resolve("none.xls"))));
    assertTrue(d.getMessage().startsWith("none.xls: cannot be read ("), d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.builder(good).sheet("Absent").build()));
    assertEquals("good.xls: no sheet 'Absent' (the workbook's sheets: 'Cases')", d.getMessage());
    d = assertThrows(DataFormatException.class, () -> a.align(XlsSource.builder(good).headerRow(500).build()));
    assertEquals("good.xls: sheet 'Cases': no header in row 500 (the sheet has no row there)", d.getMessage());
  }

  @Test
  void issue21_xlsSettingsAreCheckedAtTheSetter() {
    Path x = dir.resolve("x.xls");
    assertThrows(IllegalStateException.class, () -> XlsSource.builder(x).sheet("A").sheetIndex(1));
    assertThrows(IllegalStateException.class, () -> XlsSource.builder(x).sheetIndex(1).sheet("A"));
    assertThrows(IllegalArgumentException.class, () -> XlsSource.builder(x).sheet(" "));
    assertThrows(IllegalArgumentException.class, () -> XlsSource.builder(x).headerRow(65_537));
    assertThrows(IllegalArgumentException.class, () -> XlsSource.builder(x).maxColumns(Aligner.MAX_COLUMNS + 1));
    assertThrows(IllegalArgumentException.class, () -> XlsSource.builder(x).maxRows(0));
    assertThrows(IllegalArgumentException.class, () -> XlsSource.builder(x).maxCellLength(0));
  }
}
