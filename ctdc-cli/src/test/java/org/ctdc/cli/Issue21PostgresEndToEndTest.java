package org.ctdc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.Cancellation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21 end to end against a real PostgreSQL server: the demo's case-management extract is loaded into a
 * table (dates as {@code DATE}, whole numbers as {@code BIGINT}, the rest as {@code TEXT}, blanks as
 * {@code NULL}) and {@code ctdc align --jdbc-url ... --query-file ... --user ... --password-file ...} writes what
 * aligning its CSV writes.
 *
 * <p>The server is the private one {@code .ci/run} starts with {@code bash .ci/postgres start}, which prints the
 * folder named by the environment variable {@value #ENV} (files {@code url}, {@code user}, {@code password}).
 * Without it the test is skipped with a message saying so.
 */
class Issue21PostgresEndToEndTest {

  static final String ENV = "CTDC_TEST_POSTGRES";
  private static final Pattern WHOLE = Pattern.compile("-?(0|[1-9][0-9]{0,14})");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final String TABLE = "issue21_case_management";

  @TempDir Path dir;

  private static Path server;

  @BeforeAll
  static void aServer() {
    String folder = System.getenv(ENV);
    if (folder == null || folder.isBlank() || !Files.isRegularFile(Path.of(folder, "url"))) {
      String why = "Issue21PostgresEndToEndTest SKIPPED: no PostgreSQL server (" + ENV + " is not set to the folder"
          + " `bash .ci/postgres start` prints; .ci/run sets it when PostgreSQL can be started here)";
      System.err.println(why);
      Assumptions.abort(why);
    }
    server = Path.of(folder);
  }

  private static String file(String name) throws IOException {
    return Files.readString(server.resolve(name), StandardCharsets.UTF_8).strip();
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), Cancellation.none());
    return new Run(code, out.toString(), err.toString());
  }

  record Run(int code, String out, String err) {}

  private Run align(String out, String... input) {
    List<String> a = new ArrayList<>(List.of("align", "--spec", PartnerSamples.Profile.CASE_MANAGEMENT.specName(),
        "--out", dir.resolve(out + ".csv").toString(), "--report", dir.resolve(out + ".json").toString(), "--quiet"));
    a.addAll(List.of(input));
    return run(a.toArray(String[]::new));
  }

  @Test
  void issue21_theDemosCaseManagementExtractAlignsFromPostgresAsFromItsCsv() throws Exception {
    String text = PartnerSamples.overlapping(2000, DemoPipeline.SEED, DemoPipeline.OVERLAP).caseManagement();
    Path csv = Files.writeString(dir.resolve("case-management.csv"), text, StandardCharsets.UTF_8);
    List<Map<String, String>> rows = DemoPipeline.readCsv(text);
    List<String> header = new ArrayList<>(rows.get(0).keySet());
    int[] types = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      types[i] = type(header.get(i), rows);
    }
    assertTrue(java.util.Arrays.stream(types).anyMatch(t -> t == Types.DATE), "a DATE column");
    assertTrue(java.util.Arrays.stream(types).anyMatch(t -> t == Types.BIGINT), "a BIGINT column");

    String url = file("url");
    String user = file("user");
    try (Connection c = DriverManager.getConnection(url, user, file("password"))) {
      List<String> cols = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        cols.add(quoted(header.get(i)) + " " + (types[i] == Types.DATE ? "DATE" : types[i] == Types.BIGINT ? "BIGINT" : "TEXT"));
      }
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE IF EXISTS " + TABLE);
        st.execute("CREATE TABLE " + TABLE + " (row_no INTEGER PRIMARY KEY, " + String.join(", ", cols) + ")");
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?"
          + ",?".repeat(header.size()) + ")")) {
        int n = 0;
        for (Map<String, String> r : rows) {
          ps.setInt(1, ++n);
          for (int i = 0; i < header.size(); i++) {
            String v = r.get(header.get(i));
            if (v == null || v.isEmpty()) {
              ps.setNull(i + 2, types[i]);
            } else if (types[i] == Types.DATE) {
              ps.setObject(i + 2, LocalDate.parse(v));
            } else if (types[i] == Types.BIGINT) {
              ps.setLong(i + 2, Long.parseLong(v));
            } else {
              ps.setString(i + 2, v);
            }
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }

    List<String> selected = new ArrayList<>();
    header.forEach(h -> selected.add(quoted(h)));
    Path q = Files.writeString(dir.resolve("case-management.sql"),
        "SELECT " + String.join(", ", selected) + "\nFROM " + TABLE + "\nORDER BY row_no;\n");
    Path pw = dir.resolve("pw.txt");
    Files.copy(server.resolve("password"), pw);
    Run fromCsv = align("a", "--in", csv.toString());
    Run fromDb = align("b", "--jdbc-url", url, "--query-file", q.toString(), "--user", user, "--password-file", pw.toString());
    assertEquals(0, fromCsv.code(), fromCsv.err());
    assertEquals(0, fromDb.code(), fromDb.err());
    assertEquals(Files.readString(dir.resolve("a.csv")), Files.readString(dir.resolve("b.csv")));
    assertEquals(Files.readString(dir.resolve("a.json")).replace("\"case-management.csv\"", "\"case-management.sql\""),
        Files.readString(dir.resolve("b.json")));
    String password = file("password");
    assertFalse((fromDb.out() + fromDb.err()).contains(password), "the password is never printed");
    try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
      st.execute("DROP TABLE " + TABLE);
    }
  }

  private static String quoted(String column) {
    return "\"" + column.replace("\"", "\"\"") + "\"";
  }

  /** DATE when every value of the column is an ISO date, BIGINT when every one is a whole number, else TEXT. */
  private static int type(String column, List<Map<String, String>> rows) {
    boolean dates = true;
    boolean whole = true;
    for (Map<String, String> r : rows) {
      String v = r.get(column);
      if (v == null || v.isEmpty()) {
        continue;
      }
      dates &= ISO_DATE.matcher(v).matches() && isDate(v);
      whole &= WHOLE.matcher(v).matches();
    }
    return dates ? Types.DATE : whole ? Types.BIGINT : Types.VARCHAR;
  }

  private static boolean isDate(String v) {
    try {
      LocalDate.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
