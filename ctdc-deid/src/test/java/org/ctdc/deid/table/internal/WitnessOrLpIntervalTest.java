package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableReport;
import org.junit.jupiter.api.Test;

/**
 * The interval reported for a primary, by the exact LP check (model within the LP limit) or by its
 * hypercube's certified witness (over the limit), on the hand-computed table of {@link CheapestHypercubeTest}:
 * a|x = 1 in the rectangle a,b x x,y can fall by its smallest +1 corner (1) and rise by its smallest -1
 * corner (10, a|y), so both give [0, 11]. Also the rules the report lists for count and magnitude tables.
 */
class WitnessOrLpIntervalTest {
  private static final TableDefinition DEF = TableDefinition.of("t", List.of(
      Dimension.flat("row", "Total", List.of("a", "b", "c")), Dimension.flat("col", "Total", List.of("x", "y", "z"))));
  private static final Table T = Table.ofCounts(DEF, new long[] {1, 10, 20, 30, 40, 50, 15, 60, 70});
  private static final SuppressionRules RULES = SuppressionRules.ctdcDefaults()
      .withThreshold(3, SuppressionRules.ThresholdBound.LESS_THAN);

  private static TableReport.PrimaryCell primary(int lpLimit) {
    TableReport r = SuppressionRun.run(List.of(T), RULES, lpLimit).reports().get(0);
    assertEquals(1, r.primaries().size());
    assertEquals(3, r.secondaries().size());
    return r.primaries().get(0);
  }

  @Test
  void overTheLpLimitThePrimaryGetsItsWitnessInterval() {
    TableReport.PrimaryCell p = primary(0);
    assertEquals(List.of("a", "x"), p.nodes());
    assertEquals("witness", p.source());
    assertEquals(List.of(0.0, 11.0), List.of(p.lower(), p.upper()));
  }

  @Test
  void withinTheLpLimitThePrimaryGetsItsExactInterval() {
    TableReport.PrimaryCell p = primary(1_000_000);
    assertEquals("lp", p.source());
    assertEquals(List.of(0.0, 11.0), List.of(p.lower(), p.upper()));
  }

  @Test
  void theReportListsTheRulesInForceAndOnlyThose() {
    TableReport r = SuppressionRun.run(List.of(T), RULES, 1_000_000).reports().get(0);
    assertEquals(List.of("threshold: a count < 3 is primary",
        "zeros: published as empty cells (a published zero discloses that no record has the attributes)",
        "protection: attacker interval at least max(1, 0% of the value) wide",
        "secondary: hierarchical hypercubes, cost = value + 1 per new cell"), r.rules());
    assertEquals(Map.of(CellStatus.PRIMARY, 1, CellStatus.SECONDARY, 3, CellStatus.PUBLISHABLE, 12,
        CellStatus.FORCED_PUBLISH, 0, CellStatus.EMPTY, 0),
        r.statusCounts());
  }

  @Test
  void aMagnitudeTableWithoutMagnitudeRulesListsNone() {
    Table.Builder b = Table.builder(DEF, Table.Kind.MAGNITUDE);
    String[] rows = {"a", "b", "c"};
    String[] cols = {"x", "y", "z"};
    for (String row : rows) {
      for (String col : cols) {
        for (int k = 0; k < 4; k++) {
          b.add(10, row, col);
        }
      }
    }
    TableReport r = SuppressionRun.run(List.of(b.build()), RULES, 1_000_000).reports().get(0);
    assertEquals(List.of("threshold: a number of contributors < 3 is primary",
        "zeros: published as empty cells (a published zero discloses that no record has the attributes)",
        "protection: attacker interval at least max(1, 0% of the value) wide",
        "secondary: hierarchical hypercubes, cost = value + 1 per new cell"), r.rules());
  }
}
