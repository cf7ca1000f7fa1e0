package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ctdc.deid.audit.internal.TableCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts of the audit's inputs checked exactly: the relative tolerance with which linked tables must agree on
 * a shared cell, the exact message (file, line, reason) for each kind of unreadable table CSV, the column
 * limit at its bound, and the writer's switch from whole numbers to exponent form at 10^15.
 */
class AuditInputFactsTest {
  private static final TableDimension SEX = TableDimension.flat("sex", "Total", List.of("F", "M"));
  private static final String DEF = """
      {"tableFormat":1,"name":"t","dimensions":[{"name":"sex","total":"Total","hierarchy":{"Total":["F","M"]}}]}
      """;

  @TempDir Path dir;

  private static PublishedTable a(double m, double total) {
    return PublishedTable.of(PublishedTableDefinition.of("A", List.of(SEX)), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.published(m, "M"),
        PublishedRow.published(total, "Total")));
  }

  private static PublishedTable b(double m, double total) {
    return PublishedTable.of(PublishedTableDefinition.of("B", List.of(SEX)), List.of(
        PublishedRow.published(m, "M"), PublishedRow.published(total, "Total")));
  }

  /** Tolerance 1e-9 x max(1, value): 5e-4 apart at 10^6 is within it (1e-3), 2e-3 apart is not. */
  @Test
  void linkedTablesMayDifferByOnePartInABillionOfTheValue() {
    CellInterval f = TableAudit.of().audit(List.of(a(1e6, 3e6), b(1e6 + 5e-4, 3e6)))
        .interval(CellRef.of("A", "F")).orElseThrow();
    assertEquals(2e6, f.min(), 1e-2);
    assertEquals(2e6, f.max(), 1e-2);
    String m = assertThrows(TableAuditException.class,
        () -> TableAudit.of().audit(List.of(a(1e6, 3e6), b(1e6 + 2e-3, 3e6)))).getMessage();
    assertTrue(m.contains("tables 'A' and 'B' publish different values for the same cell"), m);
  }

  /** Below 1 the tolerance is absolute 1e-9, and a difference exactly at it is still agreement. */
  @Test
  void linkedTablesDifferingByExactlyTheAbsoluteToleranceAgree() {
    AuditResult r = TableAudit.of().audit(List.of(a(0, 9), b(1e-9, 9)));
    CellInterval f = r.interval(CellRef.of("A", "F")).orElseThrow();
    assertEquals(9, f.min(), 1e-6);
    assertThrows(TableAuditException.class,
        () -> TableAudit.of().audit(List.of(a(0, 9), b(2e-9, 9))));
  }

  private String readError(String text) throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.writeString(csv, text);
    return readError(csv);
  }

  private String readError(Path csv) throws IOException {
    Path def = dir.resolve("t.json");
    Files.writeString(def, DEF);
    return assertThrows(TableFormatException.class, () -> PublishedTable.read(csv, def)).getMessage();
  }

  @Test
  void aStrayQuoteIsReportedAsMalformedCsvWithItsLine() throws IOException {
    Path csv = dir.resolve("t.csv");
    String m = readError("sex,value,status\nF,1,publishable\n\"M\"x,1,publishable\n");
    assertEquals(csv + ": line 3: malformed CSV, such as a stray or unclosed quote", m);
  }

  /** Jackson's length check carries no location, so this message names the file but not the line (open). */
  @Test
  void anOverLongFieldIsReportedAsTheLengthLimit() throws IOException {
    Path csv = dir.resolve("t.csv");
    String m = readError("sex,value,status\nF,1,publishable\n" + "M".repeat(TableCsv.MAX_FIELD_LENGTH + 1)
        + ",1,publishable\n");
    assertEquals(csv + ": a field is longer than " + TableCsv.MAX_FIELD_LENGTH + " characters (limit)", m);
  }

  @Test
  void bytesThatAreNotUtf8AreReportedAsAnEncodingError() throws IOException {
    Path csv = dir.resolve("t.csv");
    Files.write(csv, new byte[] {'s', 'e', 'x', ',', 'v', 'a', 'l', 'u', 'e', ',', 's', 't', 'a', 't', 'u', 's',
        '\n', (byte) 0xFF, (byte) 0xFE, ',', '1', ',', 'p', '\n'});
    assertEquals(csv + ": the table CSV is not valid UTF-8", readError(csv));
  }

  /** A line of exactly the column limit passes the limit and fails on its field count instead. */
  @Test
  void aLineOfExactlyTheColumnLimitIsReadAndRefusedForItsFieldCount() throws IOException {
    Path csv = dir.resolve("t.csv");
    String m = readError("sex,value,status\n" + ",".repeat(TableCsv.MAX_COLUMNS - 1) + "\n");
    assertEquals(csv + ": line 2: has " + TableCsv.MAX_COLUMNS + " fields, the header has 3", m);
    String over = readError("sex,value,status\n" + ",".repeat(TableCsv.MAX_COLUMNS) + "\n");
    assertEquals(csv + ": line 2: more than " + TableCsv.MAX_COLUMNS + " fields (limit)", over);
  }

  @Test
  void numbersBelowTenToTheFifteenAreWrittenWholeAndFromThereInExponentForm() {
    assertEquals("999999999999999", TableCsv.number(999_999_999_999_999.0));
    assertEquals("1.0E15", TableCsv.number(1e15));
    assertEquals("2.5", TableCsv.number(2.5));
    assertEquals("0", TableCsv.number(0));
  }
}
