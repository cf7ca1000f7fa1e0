package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DataFormatException;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.schema.InputStoppedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 21: the rows of a SQL query (H2 in memory, a real database) aligned as the same rows in CSV are. */
class Issue21JdbcSourceTest {

  private static int db;
  private Connection c;

  @BeforeEach
  void open() throws SQLException {
    c = DriverManager.getConnection("jdbc:h2:mem:issue21-" + (db++) + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void close() throws SQLException {
    c.createStatement().execute("SHUTDOWN");
    c.close();
  }

  /** Loads an extract into a table of text columns, as a partner's export table often is. */
  static void load(Connection c, String table, List<String> header, Iterable<Map<String, String>> rows)
      throws SQLException {
    List<String> cols = new ArrayList<>();
    header.forEach(h -> cols.add("\"" + h + "\" VARCHAR(10000)"));
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE " + table + " (" + String.join(", ", cols) + ")");
    }
    String marks = String.join(", ", java.util.Collections.nCopies(header.size(), "?"));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
      for (Map<String, String> r : rows) {
        for (int i = 0; i < header.size(); i++) {
          String v = r.get(header.get(i));
          ps.setString(i + 1, v == null || v.isEmpty() ? null : v);
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String csv(AlignmentResult r) {
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    return w.toString();
  }

  @Test
  void issue21_aTableAlignsAsItsCsvDoes() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    load(c, "cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 3000, 21));
    StringWriter text = new StringWriter();
    PartnerSamples.writeCsv(profile, 3000, 21, text);
    Aligner aligner = Aligner.of(Specs.load(profile.specName()));

    AlignmentResult fromCsv = aligner.alignCsv(new java.io.StringReader(text.toString()), "cases");
    AlignmentResult fromTable = aligner.align(JdbcSource.table(c, "cases").fetchSize(100).build());
    AlignmentResult fromQuery = aligner.align(
        JdbcSource.query(c, "SELECT * FROM cases ORDER BY 1").name("cases").build());

    assertEquals(3000, fromTable.report().rowsRead());
    assertEquals(fromTable.report().rowsRead(), fromTable.report().rowsAligned() + fromTable.report().rowsRejected());
    assertEquals(csv(fromCsv), csv(fromTable));
    assertEquals(fromCsv.report().toJson(), fromTable.report().toJson());
    assertEquals(fromCsv.report().toJson(), fromQuery.report().toJson());
    assertTrue(c.getAutoCommit(), "the connection's auto-commit is restored");
  }

  @Test
  void issue21_typedColumnsReadAsTheSpecExpects() throws Exception {
    try (Statement st = c.createStatement()) {
      st.execute("CREATE TABLE t (\"CaseNo\" INTEGER, \"RegistrationDate\" DATE, \"prs_Gender\" VARCHAR(20),"
          + " \"Age\" DECIMAL(5,2), \"DateOfBirth\" TIMESTAMP, \"Citizenship\" VARCHAR(40),"
          + " \"CountryOfExploitation\" CHAR(3), \"vic_TypeOfExploitation\" VARCHAR(80),"
          + " \"vic_ForcedLabourIndustry\" VARCHAR(40), \"vic_TypeOfSexExploitation\" VARCHAR(40),"
          + " \"vic_MethodsOfControl\" VARCHAR(200), \"vic_Abducted\" BOOLEAN, \"FirstName\" VARCHAR(20))");
      st.execute("INSERT INTO t VALUES (1, DATE '2019-03-04', 'Female', 24.00, TIMESTAMP '1995-01-02 00:00:00',"
          + " 'Moldova', 'MDA', 'SexualExploitation', NULL, NULL, NULL, TRUE, 'x')");
      st.execute("INSERT INTO t VALUES (2, DATE '2020-11-30', 'Male', NULL, NULL, 'Ukraine', 'POL',"
          + " 'ForcedLabour', NULL, NULL, NULL, FALSE, NULL)");
    }
    List<String[]> rows = new ArrayList<>();
    try (JdbcSource s = JdbcSource.query(c, "SELECT * FROM t ORDER BY 1").build()) {
      List<String> cols = s.columns();
      assertEquals("RegistrationDate", cols.get(1));
      s.reading(new boolean[cols.size()]);
      String[] cells = new String[cols.size()];
      boolean[] all = new boolean[cols.size()];
      java.util.Arrays.fill(all, true);
      s.reading(all);
      while (s.next(cells) == RowSource.Row.ROW) {
        rows.add(cells.clone());
      }
    }
    assertEquals(List.of("1", "2019-03-04", "Female", "24", "1995-01-02", "Moldova", "MDA"),
        java.util.Arrays.asList(rows.get(0)).subList(0, 7));
    assertEquals("true", rows.get(0)[11]);
    assertEquals("false", rows.get(1)[11]);
    assertEquals(null, rows.get(1)[3]);

    AlignmentResult r = Aligner.of(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON)).align(JdbcSource.table(c, "t").build());
    assertEquals(2, r.report().rowsRead());
    assertEquals(2, r.report().rowsAligned(), r.report()::summary);
  }

  @Test
  void issue21_aRowOfOnlyNullsIsRejectedAsEmpty() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    load(c, "cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 5, 3));
    c.createStatement().execute("INSERT INTO cases (\"CaseNo\") VALUES (NULL)");
    AlignmentResult r = Aligner.of(Specs.load(profile.specName())).align(JdbcSource.table(c, "cases").build());
    assertEquals(6, r.report().rowsRead());
    assertEquals(RejectReason.EMPTY_ROW, r.report().rejects().get(0).reason());
    assertEquals(List.of(6L), r.report().rejects().get(0).rows());
  }

  @Test
  void issue21_aFailedQueryNamesItsSqlStateNotTheDriversMessage() throws Exception {
    Aligner a = Aligner.of(Specs.load(Specs.CASE_MANAGEMENT_TO_KANON));
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> a.align(JdbcSource.query(c, "SELECT * FROM no_such_table_secret").name("q.sql").build()));
    assertTrue(e.getMessage().startsWith("q.sql: the query failed (SQLState 42"), e.getMessage());
    assertFalse(e.getMessage().contains("no_such_table_secret"), e.getMessage());
    assertTrue(c.getAutoCommit());

    // a header without a column the spec reads
    c.createStatement().execute("CREATE TABLE other (a INT)");
    DataFormatException h = assertThrows(DataFormatException.class, () -> a.align(JdbcSource.table(c, "other").build()));
    assertTrue(h.getMessage().startsWith("other: header: no column"), h.getMessage());
  }

  @Test
  void issue21_aFailureWhileReadingStopsTheRunAtItsRow() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    load(c, "cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 50, 4));
    c.createStatement().execute("UPDATE cases SET \"Age\" = 'CANARY-age' WHERE \"CaseNo\" = "
        + "(SELECT \"CaseNo\" FROM cases ORDER BY \"CaseNo\" LIMIT 1 OFFSET 29)");
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    // the cast fails at the 30th row, in the middle of the stream (H2 evaluates rows as they are fetched
    // only in lazy mode and without ORDER BY)
    c.createStatement().execute("SET LAZY_QUERY_EXECUTION TRUE");
    String sql = "SELECT \"CaseNo\", \"FirstName\", \"LastName\", \"Address\", \"RegistrationDate\", \"prs_Gender\","
        + " CAST(\"Age\" AS INTEGER) AS \"Age\", \"DateOfBirth\", \"Citizenship\", \"CountryOfExploitation\","
        + " \"vic_TypeOfExploitation\", \"vic_ForcedLabourIndustry\", \"vic_TypeOfSexExploitation\","
        + " \"vic_MethodsOfControl\", \"vic_Abducted\" FROM cases";
    InputStoppedException e = assertThrows(InputStoppedException.class,
        () -> a.align(JdbcSource.query(c, sql).name("q.sql").fetchSize(10).build()));
    assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
    assertTrue(e.getMessage().startsWith("q.sql: row " + e.row() + ": "), e.getMessage());
    assertTrue(e.rowsRead() <= 29 && e.row() == e.rowsRead() + 1, e.getMessage());
    assertTrue(e.getMessage().contains("SQLState 22"), e.getMessage());
  }

  @Test
  void issue21_aBinaryColumnTheSpecReadsIsRefused() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    load(c, "cases", PartnerSamples.header(profile), PartnerSamples.rows(profile, 5, 3));
    c.createStatement().execute("ALTER TABLE cases ADD COLUMN photo VARBINARY(10)");
    Aligner a = Aligner.of(Specs.load(profile.specName()));
    assertEquals(5, a.align(JdbcSource.table(c, "cases").build()).report().rowsRead(), "a column not read is no matter");
    DataFormatException e = assertThrows(DataFormatException.class, () -> a.align(JdbcSource.query(c,
        "SELECT \"CaseNo\", \"FirstName\", \"LastName\", \"Address\", \"RegistrationDate\", CAST(\"prs_Gender\" AS VARBINARY)"
            + " AS \"prs_Gender\", \"Age\", \"DateOfBirth\", \"Citizenship\", \"CountryOfExploitation\","
            + " \"vic_TypeOfExploitation\", \"vic_ForcedLabourIndustry\", \"vic_TypeOfSexExploitation\","
            + " \"vic_MethodsOfControl\", \"vic_Abducted\" FROM cases").build()));
    assertTrue(e.getMessage().contains("column 6 ('prs_Gender'): SQL type VARBINARY is not read as text"), e.getMessage());
  }

  @Test
  void issue21_settingsAreCheckedAtTheSetter() {
    assertThrows(IllegalArgumentException.class, () -> JdbcSource.table(c, "cases; DROP TABLE x"));
    assertThrows(IllegalArgumentException.class, () -> JdbcSource.query(c, " "));
    assertThrows(IllegalArgumentException.class, () -> JdbcSource.table(c, "t").fetchSize(0));
    assertThrows(IllegalArgumentException.class, () -> JdbcSource.table(c, "t").fetchSize(100_001));
  }

  @Test
  void issue21_urlsArePrintedWithoutTheirPassword() {
    assertEquals("jdbc:postgresql://db.example:5432/cases?user=ana&password=***&ssl=true",
        JdbcSource.redact("jdbc:postgresql://db.example:5432/cases?user=ana&password=s3cr3t&ssl=true"));
    assertEquals("jdbc:postgresql://ana:***@db.example/cases", JdbcSource.redact("jdbc:postgresql://ana:s3cr3t@db.example/cases"));
    assertEquals("jdbc:h2:mem:x;USER=sa;PASSWORD=***", JdbcSource.redact("jdbc:h2:mem:x;USER=sa;PASSWORD=s3cr3t"));
    assertEquals("jdbc:sqlserver://h;user=u;pwd=***;db=x", JdbcSource.redact("jdbc:sqlserver://h;user=u;pwd=s3;db=x"));
    assertEquals("jdbc:oracle:thin:ana/***@//h:1521/x", JdbcSource.redact("jdbc:oracle:thin:ana/s3cr3t@//h:1521/x"));
    assertEquals("jdbc:postgresql://h/x?sslpassword=***", JdbcSource.redact("jdbc:postgresql://h/x?sslpassword=k"));
    String plain = "jdbc:postgresql://localhost:5432/cases?user=ana";
    assertEquals(plain, JdbcSource.redact(plain));
    assertFalse(JdbcSource.hasPassword(plain));
    assertTrue(JdbcSource.hasPassword("jdbc:postgresql://ana:x@h/c"));
  }

  @Test
  void issue21_sourceValuesAreCanonical() {
    assertEquals("25", SourceValues.number(25.0));
    assertEquals("0.5", SourceValues.number(0.5));
    assertEquals("1234567890123", SourceValues.number(1234567890123.0));
    assertEquals("0", SourceValues.number(new java.math.BigDecimal("0.000")));
    assertEquals("120", SourceValues.number(new java.math.BigDecimal("120.00")));
    assertEquals("2020-01-01", SourceValues.dateTime(java.time.LocalDateTime.of(2020, 1, 1, 0, 0)));
    assertEquals("2020-01-01T10:30", SourceValues.dateTime(java.time.LocalDateTime.of(2020, 1, 1, 10, 30)));
  }
}
