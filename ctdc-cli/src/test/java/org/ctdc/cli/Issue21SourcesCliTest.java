package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 at the command line: {@code align --in FILE.xlsx [--sheet NAME]} and
 * {@code align --jdbc-url URL --query-file Q.sql [--user U --password-file F]} write what aligning the same
 * rows from CSV writes; a password is never taken from, nor printed on, the command line.
 */
class Issue21SourcesCliTest {

  private static final PartnerSamples.Profile CM = PartnerSamples.Profile.CASE_MANAGEMENT;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Cancellation.none());
    return new Run(code, out.toString(), err.toString());
  }

  private Path csv(int rows) throws IOException {
    Path p = dir.resolve("cases.csv");
    try (var w = Files.newBufferedWriter(p)) {
      PartnerSamples.writeCsv(CM, rows, 21, w);
    }
    return p;
  }

  static void xlsx(Path file, List<String> header, Iterable<Map<String, String>> rows) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("read me");
      Sheet s = wb.createSheet("Cases");
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
      wb.write(out);
    }
  }

  private Run align(String out, String... input) {
    List<String> a = new ArrayList<>(List.of("align", "--spec", CM.specName(), "--out", dir.resolve(out + ".csv").toString(),
        "--report", dir.resolve(out + ".json").toString()));
    a.addAll(List.of(input));
    return run(a.toArray(String[]::new));
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void issue21_alignReadsASheetOfAWorkbookAsItsCsv() throws IOException {
    Path csv = csv(500);
    Path x = dir.resolve("cases.xlsx");
    xlsx(x, PartnerSamples.header(CM), PartnerSamples.rows(CM, 500, 21));
    Run fromCsv = align("a", "--in", csv.toString());
    Run fromSheet = align("b", "--in", x.toString(), "--sheet", "Cases");
    assertEquals(0, fromCsv.code(), fromCsv.err());
    assertEquals(0, fromSheet.code(), fromSheet.err());
    assertEquals(read("a.csv"), read("b.csv"));
    assertEquals(read("a.json").replace("\"cases.csv\"", "\"cases.xlsx\""), read("b.json"));
    assertEquals(fromCsv.out().replace("cases.csv", "cases.xlsx"), fromSheet.out());
    assertFalse(fromSheet.err().contains("Log4j"), fromSheet.err());

    Run noSheet = align("c", "--in", x.toString(), "--sheet", "Intake");
    assertEquals(Main.INVALID, noSheet.code(), noSheet.err());
    assertTrue(noSheet.err().contains("cases.xlsx: no sheet 'Intake' (the workbook's sheets: 'Notes', 'Cases')"),
        noSheet.err());
    assertFalse(noSheet.err().contains("\tat "), "no stack trace");
    assertFalse(Files.exists(dir.resolve("c.csv")));
  }

  @Test
  void issue21_alignReadsTheRowsOfAQuery() throws Exception {
    Path csv = csv(400);
    String url = "jdbc:h2:mem:issue21cli;DB_CLOSE_DELAY=-1";
    try (Connection c = DriverManager.getConnection(url, "ana", "CANARY-pw-9")) {
      List<String> header = PartnerSamples.header(CM);
      List<String> cols = new ArrayList<>();
      header.forEach(h -> cols.add("\"" + h + "\" VARCHAR(1000)"));
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE cases (" + String.join(", ", cols) + ")");
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO cases VALUES (" + String.join(",", java.util.Collections.nCopies(header.size(), "?")) + ")")) {
        for (Map<String, String> r : PartnerSamples.rows(CM, 400, 21)) {
          for (int i = 0; i < header.size(); i++) {
            String v = r.get(header.get(i));
            ps.setString(i + 1, v.isEmpty() ? null : v);
          }
          ps.executeUpdate();
        }
      }
      Path q = Files.writeString(dir.resolve("cases.sql"), "SELECT * FROM cases;\n");
      Path pw = Files.writeString(dir.resolve("pw.txt"), "CANARY-pw-9\n");
      Run fromCsv = align("a", "--in", csv.toString());
      Run fromDb = align("b", "--jdbc-url", url, "--query-file", q.toString(), "--user", "ana", "--password-file", pw.toString());
      assertEquals(0, fromDb.code(), fromDb.err());
      assertEquals(read("a.csv"), read("b.csv"));
      assertEquals(read("a.json").replace("\"cases.csv\"", "\"cases.sql\""), read("b.json"));
      assertTrue(fromDb.err().contains("ctdc: reading the query"), fromDb.err());

      // a wrong password: refused by the database, named by its SQLState, the password never shown
      Path wrong = Files.writeString(dir.resolve("wrong.txt"), "CANARY-wrong-3");
      Run bad = align("c", "--jdbc-url", url, "--query-file", q.toString(), "--user", "ana", "--password-file", wrong.toString());
      assertEquals(Main.INVALID, bad.code(), bad.err());
      assertTrue(bad.err().contains("jdbc:h2:mem:issue21cli;DB_CLOSE_DELAY=-1: cannot connect (SQLState 28"), bad.err());
      for (Run r : List.of(fromDb, bad)) {
        assertFalse((r.out() + r.err()).contains("CANARY"), r.out() + r.err());
      }
    }
  }

  @Test
  void issue21_aPasswordInTheUrlIsRefusedAndPrintedRemoved() {
    Run r = align("a", "--jdbc-url", "jdbc:postgresql://ana:CANARY-s3cret@localhost:5432/cases",
        "--query-file", dir.resolve("q.sql").toString());
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("--jdbc-url jdbc:postgresql://ana:***@localhost:5432/cases holds a password"), r.err());
    r = align("a", "--jdbc-url", "jdbc:postgresql://localhost/cases?user=ana&password=CANARY-s3cret",
        "--query-file", dir.resolve("q.sql").toString());
    assertEquals(Main.USAGE, r.code());
    assertTrue(r.err().contains("jdbc:postgresql://localhost/cases?user=ana&password=*** holds a password"), r.err());
    assertFalse(r.err().contains("CANARY"), r.err());
    assertFalse(r.out().contains("CANARY"), r.out());
  }

  @Test
  void issue21_inputOptionsGoTogetherOrAreUsageErrors() throws IOException {
    Path csv = csv(3);
    for (String[] args : List.of(
        new String[] {"--in", csv.toString(), "--jdbc-url", "jdbc:h2:mem:x"},
        new String[] {},
        new String[] {"--in", csv.toString(), "--sheet", "Cases"},
        new String[] {"--jdbc-url", "jdbc:h2:mem:x"},
        new String[] {"--in", csv.toString(), "--query-file", csv.toString()})) {
      Run r = align("u", args);
      assertEquals(Main.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
    }
  }

  @Test
  void issue21_theDemoWorkbookHoldsTheCsvRowsTypedAndIsTheSameBytesEachTime() throws IOException {
    StringWriter text = new StringWriter();
    PartnerSamples.writeCsv(CM, 300, 21, text);
    java.io.ByteArrayOutputStream a = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    DemoWorkbook.write(text.toString(), a);
    try {
      Thread.sleep(2100); // zip entry times have a resolution of 2 seconds
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    DemoWorkbook.write(text.toString(), b);
    assertTrue(java.util.Arrays.equals(a.toByteArray(), b.toByteArray()), "the same bytes");
    Path x = Files.write(dir.resolve("cases.xlsx"), a.toByteArray());
    Path csv = csv(300);
    Run fromCsv = align("a", "--in", csv.toString());
    Run fromSheet = align("b", "--in", x.toString());
    assertEquals(0, fromSheet.code(), fromSheet.err());
    assertEquals(read("a.csv"), read("b.csv"));
    assertEquals(read("a.json").replace("\"cases.csv\"", "\"cases.xlsx\""), read("b.json"));
  }

  @Test
  void issue21_theDemoAlignsItsCaseManagementExtractFromTheWorkbook() throws IOException {
    Path demo = dir.resolve("demo");
    Run r = run("demo", "--rows", "100", "--out", demo.toString(), "--quiet");
    assertEquals(Main.OK, r.code(), r.out() + r.err());
    Path x = demo.resolve("extracts/case-management.xlsx");
    assertTrue(Files.size(x) > 0, "the workbook is written");
    String report = Files.readString(demo.resolve("alignment-report.json"));
    assertTrue(report.contains("\"extract\" : \"extracts/case-management.xlsx\""), report);
    assertTrue(report.contains("\"extract\" : \"extracts/hotline.csv\""), report);
    // what the demo aligned from the workbook is what aligning its CSV writes
    Run fromCsv = align("a", "--in", demo.resolve("extracts/case-management.csv").toString());
    assertEquals(0, fromCsv.code(), fromCsv.err());
    assertEquals(read("a.csv"), Files.readString(demo.resolve("aligned/case-management.csv")));
  }
}
