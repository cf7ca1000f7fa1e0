package org.ctdc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctdc.samples.PartnerSamples;
import org.ctdc.schema.DatasetCsv;
import org.ctdc.testkit.CanaryRows;
import org.ctdc.testkit.CapturingLogProvider;
import org.ctdc.testkit.ThrownText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: nothing leaked from a database. The case-management extract, with unique canary strings in its
 * identifier and free-text columns and as bad values in closed, date and number columns, is loaded into an H2
 * table and aligned from a query; then queries that fail in the database (a canary in a literal of a query
 * naming an absent column, a canary as a table name, a value that does not convert) are run. The database's
 * own messages quote the SQL; none of it may reach a message, report, output or log.
 */
class Issue21JdbcCanaryTest {

  private static int db;

  private Connection c;
  private final List<String> observed = new ArrayList<>();
  private final CanaryRows canaries = new CanaryRows();

  @BeforeEach
  void open() throws SQLException {
    CapturingLogProvider.clear();
    c = DriverManager.getConnection("jdbc:h2:mem:issue21-canary-" + (db++) + ";DB_CLOSE_DELAY=-1");
  }

  @AfterEach
  void close() throws SQLException {
    c.createStatement().execute("SHUTDOWN");
    c.close();
  }

  private String canary(String tag) {
    return canaries.next(tag);
  }

  private List<Map<String, String>> rows(int n) {
    return canaries.caseManagement(PartnerSamples.rows(PartnerSamples.Profile.CASE_MANAGEMENT, n, 8));
  }

  @Test
  void aligningFromADatabaseAndItsFailuresLeakNoCanary() throws Exception {
    var profile = PartnerSamples.Profile.CASE_MANAGEMENT;
    Issue21JdbcSourceTest.load(c, "cases", PartnerSamples.header(profile), rows(30));
    Aligner aligner = Aligner.of(Specs.load(profile.specName()));

    AlignmentResult r = aligner.align(JdbcSource.query(c, "SELECT * FROM cases").build());
    assertEquals(30, r.report().rowsRead());
    assertTrue(r.report().rowsRejected() > 0, r.report()::summary);
    observed.add(r.report().summary());
    observed.add(r.report().toString());
    observed.add(r.report().toJson());
    observed.add(r.report().rejects().toString());
    observed.add(r.dataset().toString());
    StringWriter w = new StringWriter();
    DatasetCsv.write(r.dataset(), w);
    observed.add(w.toString());

    thrown(() -> aligner.align(JdbcSource.query(c,
        "SELECT * FROM cases WHERE \"FirstName\" = '" + canary("literal") + "' AND no_such_column = 1").build()));
    thrown(() -> aligner.align(JdbcSource.query(c, "SELECT * FROM \"" + canary("table") + "\"").build()));
    thrown(() -> aligner.align(JdbcSource.query(c,
        "SELECT CAST(\"CaseNo\" AS INTEGER) AS \"CaseNo\" FROM cases").build()));

    List<String> all = new ArrayList<>(observed);
    all.addAll(CapturingLogProvider.events());
    assertEquals(List.of(), CanaryRows.leaks(all),
        "canaries reached messages, reports, outputs or logs");
  }

  /** Runs a path that must fail and records the message, string form and stack of it and every cause. */
  private void thrown(Runnable action) {
    assertTrue(ThrownText.recordIfThrown(observed, action).isPresent(), "expected a failure");
  }
}
