package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.SuppressionRules.ThresholdBound;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableReport;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a magnitude primary needs the protection its rule implies (τ-ARGUS's upper and lower protection
 * levels), not only an interval wider than 1.
 */
class Issue15ProtectionLevelsTest {

  static final SuppressionRules OFF = SuppressionRules.ctdcDefaults().withThreshold(0, ThresholdBound.LESS_THAN);

  static Table table(long[]... cells) {
    return MagnitudeRulesTest.table(cells);
  }

  static long[] many(int n, long each) {
    long[] out = new long[n];
    java.util.Arrays.fill(out, each);
    return out;
  }

  static TableReport.PrimaryCell primary(TableProtection tp, String leaf) {
    return tp.reports().get(0).primaries().stream().filter(p -> p.nodes().equals(List.of(leaf))).findFirst()
        .orElseThrow();
  }

  @Test
  void issue15_pPercentExampleReachesTheUpperProtectionLevel() {
    // c0 = 1000 + 900 + 50 = 1950 breaks the p%-rule at p = 10 (50 < 100). Publishing c1 (5, cost 6) and
    // suppressing it would leave c0's upper bound at 1955: the second contributor could estimate the
    // largest within 5.5 %. UPL = 0.1 * 1000 - 50 = 50: the upper bound must reach 2000.
    Table t = table(new long[] {1000, 900, 50}, many(5, 1), many(40, 25), many(50, 30));
    SuppressionRules rules = OFF.withMagnitudeRules(0, 0, 10, 0);
    TableProtection tp = TableProtector.of(rules).suppress(t);
    TableReport.PrimaryCell c0 = primary(tp, "c0");
    assertTrue(c0.upper() >= 2000, "upper bound " + c0.upper());
    assertTrue(c0.lower() <= 1950 - 50, "lower bound " + c0.lower());
    assertEquals(CellStatus.PUBLISHABLE, tp.tables().get(0).cell("c1").status());
  }

  @Test
  void issue15_levelsFromEachRule() {
    SuppressionRules p10 = OFF.withMagnitudeRules(0, 0, 10, 0);
    assertEquals(50, p10.protectionLevel(1950, 3, new long[] {1000, 900}));
    // not broken: 0
    assertEquals(0, p10.protectionLevel(2100, 3, new long[] {1000, 900}));
    // fractional: 0.1 * 1005 - 50 = 50.5 -> 51
    assertEquals(51, p10.protectionLevel(1955, 3, new long[] {1005, 900}));
    // (2,85)-dominance: 100/85 * (50 + 36) - 100 = 1.176... -> 2
    SuppressionRules dom = OFF.withMagnitudeRules(2, 85, 0, 0);
    assertEquals(2, dom.protectionLevel(100, 3, new long[] {50, 36}));
    // (1,50)-dominance on a singleton: 100/50 * 7 - 7 = 7
    assertEquals(7, OFF.withMagnitudeRules(1, 50, 0, 0).protectionLevel(7, 1, new long[] {7, 0}));
    // few contributors with the p%-rule: the other contributors know X - x1: p/100 * x1 = 6
    SuppressionRules few = OFF.withMagnitudeRules(0, 0, 10, 3);
    assertEquals(6, few.protectionLevel(120, 2, new long[] {60, 60}));
    // count tables and cells without rules: 0
    assertEquals(0, OFF.protectionLevel(120, 2, new long[] {60, 60}));
  }

  @Test
  void issue15_dominanceLevelChoosesAWideEnoughPartner() {
    // (1,60)-dominance: c0 = 90 + 10 = 100, 90 > 60 % -> UPL = 100/60 * 90 - 100 = 50.
    // c1 = 20 (cheap) would give [.., 120]; the level needs a partner of at least 50.
    Table t = table(new long[] {90, 10}, many(4, 5), many(10, 6), many(20, 7));
    TableProtection tp = TableProtector.of(OFF.withMagnitudeRules(1, 60, 0, 0)).suppress(t);
    TableReport.PrimaryCell c0 = primary(tp, "c0");
    assertTrue(c0.upper() >= 150, "upper " + c0.upper());
    assertTrue(c0.lower() <= 50, "lower " + c0.lower());
    assertEquals(CellStatus.PUBLISHABLE, tp.tables().get(0).cell("c1").status());
    assertEquals(CellStatus.SECONDARY, tp.tables().get(0).cell("c2").status());
  }

  @Test
  void issue15_intervalCheckReportsAMissedLevel() {
    // Suppress c0 with the cheap partner by hand: the check must call it exposed (upper 1955 < 2000).
    Table t = table(new long[] {1000, 900, 50}, many(5, 1), many(40, 25));
    Problem p = new Problem(List.of(t), OFF.withMagnitudeRules(0, 0, 10, 0));
    Grid g = p.grids().get(0);
    int c1 = g.h[0].index.get("c1");
    p.suppress(g, c1, "by hand");
    IntervalCheck.Interval i = new IntervalCheck(p).interval(0, g.h[0].index.get("c0"));
    assertEquals(1955, i.upper(), 1e-9);
    assertTrue(i.exposed());
    ProtectedTable out = TableProtector.of(OFF.withMagnitudeRules(0, 0, 10, 0)).suppress(t).tables().get(0);
    assertEquals(CellStatus.SECONDARY, out.cell("c2").status());
  }

  @Test
  void issue15_aMarginsLowerLevelAboveEveryInnerCellIsReachedByCombinedHypercubes(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) {
    // G0 = a 40 + b 40 + c 20 (one contributor each) breaks (2,50)-dominance: UPL = LPL = 2 * 80 - 100 = 60,
    // more than any of its inner cells: no single hypercube takes G0 below 40, two together do.
    java.util.Map<String, List<String>> h = new java.util.LinkedHashMap<>();
    h.put("Total", List.of("G0", "G1"));
    h.put("G0", List.of("a", "b", "c"));
    h.put("G1", List.of("d", "e"));
    org.ctdc.deid.table.TableDefinition def = org.ctdc.deid.table.TableDefinition.of("h",
        List.of(org.ctdc.deid.table.Dimension.hierarchical("cell", "Total", h)));
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    b.add(40, "a");
    b.add(40, "b");
    b.add(20, "c");
    for (int i = 0; i < 10; i++) {
      b.add(10, "d");
      b.add(10, "e");
      b.add(10, "e");
    }
    SuppressionRules rules = OFF.withMagnitudeRules(2, 50, 0, 0);
    // the hypercubes themselves certify it (the check for tables too large for the LP relies on them)
    Problem p = new Problem(List.of(b.build()), rules);
    int cellG0 = p.grids().get(0).h[0].index.get("G0");
    List<Hypercube.Witness> ofG0 = new Hypercube(p).run().stream().filter(w -> w.cell() == cellG0).toList();
    double[] certified = WitnessCheck.range(p, ofG0);
    assertTrue(certified[0] <= 40 && certified[1] >= 160, java.util.Arrays.toString(certified));
    TableProtection tp = TableProtector.of(rules).suppress(b.build());
    TableReport.PrimaryCell g0 = primary(tp, "G0");
    assertTrue(g0.lower() <= 40, "lower " + g0.lower());
    assertTrue(g0.upper() >= 160, "upper " + g0.upper());
    // the audit, reading the levels file the writer puts next to the table, agrees
    List<java.nio.file.Path> files = org.ctdc.deid.table.TableWriter.write(tp.tables().get(0), tp.levels().get(0),
        dir, org.ctdc.deid.table.OutputOptions.defaults());
    assertEquals("h.levels.json", files.get(files.size() - 1).getFileName().toString());
    org.ctdc.deid.audit.PublishedTable read = org.ctdc.deid.audit.PublishedTable.read(files.get(0), files.get(1));
    assertEquals(org.ctdc.deid.audit.CellProtection.of(100, 60, 60),
        read.levels().get(org.ctdc.deid.audit.CellRef.of("h", "G0")));
    assertTrue(org.ctdc.deid.audit.TableAudit.of().audit(read).passed());
  }
}
