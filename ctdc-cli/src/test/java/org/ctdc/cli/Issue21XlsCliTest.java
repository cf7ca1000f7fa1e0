package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.ctdc.samples.PartnerSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 at the command line: {@code align --in FILE.xls [--sheet NAME]} reads an Excel 97-2003 workbook as
 * {@code .xlsx} is read, and writes what aligning the same rows from CSV writes; a damaged one is refused in
 * one line.
 */
class Issue21XlsCliTest {

  private static final PartnerSamples.Profile CM = PartnerSamples.Profile.CASE_MANAGEMENT;

  @TempDir Path dir;

  private static void xls(Path file, int rows) throws IOException {
    List<String> header = PartnerSamples.header(CM);
    try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("read me");
      Sheet s = wb.createSheet("Cases");
      Row h = s.createRow(0);
      for (int i = 0; i < header.size(); i++) {
        h.createCell(i).setCellValue(header.get(i));
      }
      int r = 1;
      for (Map<String, String> m : PartnerSamples.rows(CM, rows, 21)) {
        Row row = s.createRow(r++);
        for (int i = 0; i < header.size(); i++) {
          String v = m.get(header.get(i));
          if (v != null && !v.isEmpty()) {
            row.createCell(i).setCellValue(v);
          }
        }
      }
      wb.write(out);
    }
  }

  private Issue21SourcesCliTest.Run align(String out, String... input) {
    List<String> a = new ArrayList<>(List.of("align", "--spec", CM.specName(), "--out", dir.resolve(out + ".csv").toString(),
        "--report", dir.resolve(out + ".json").toString()));
    a.addAll(List.of(input));
    return Issue21SourcesCliTest.run(a.toArray(String[]::new));
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void issue21_alignReadsASheetOfAnXlsWorkbookAsItsCsv() throws IOException {
    Path csv = dir.resolve("cases.csv");
    try (var w = Files.newBufferedWriter(csv)) {
      PartnerSamples.writeCsv(CM, 500, 21, w);
    }
    Path x = dir.resolve("cases.xls");
    xls(x, 500);
    var fromCsv = align("a", "--in", csv.toString());
    var fromSheet = align("b", "--in", x.toString(), "--sheet", "Cases");
    assertEquals(0, fromCsv.code(), fromCsv.err());
    assertEquals(0, fromSheet.code(), fromSheet.err());
    assertEquals(read("a.csv"), read("b.csv"));
    assertEquals(read("a.json").replace("\"cases.csv\"", "\"cases.xls\""), read("b.json"));
    assertEquals(fromCsv.out().replace("cases.csv", "cases.xls"), fromSheet.out());
    assertFalse(fromSheet.err().contains("Log4j"), fromSheet.err());

    var noSheet = align("c", "--in", x.toString(), "--sheet", "Intake");
    assertEquals(Main.INVALID, noSheet.code(), noSheet.err());
    assertTrue(noSheet.err().contains("cases.xls: no sheet 'Intake' (the workbook's sheets: 'Notes', 'Cases')"),
        noSheet.err());
    assertFalse(Files.exists(dir.resolve("c.csv")));

    byte[] bytes = Files.readAllBytes(x);
    Path cut = Files.write(dir.resolve("cut.xls"), Arrays.copyOf(bytes, bytes.length / 2));
    var damaged = align("d", "--in", cut.toString());
    assertEquals(Main.INVALID, damaged.code(), damaged.err());
    assertTrue(damaged.err().contains("cut.xls: not a readable .xls workbook ("), damaged.err());
    assertFalse(damaged.err().contains("\tat "), "no stack trace");
    assertEquals(1, damaged.err().strip().lines().count(), damaged.err());
    assertFalse(Files.exists(dir.resolve("d.csv")));
  }
}
