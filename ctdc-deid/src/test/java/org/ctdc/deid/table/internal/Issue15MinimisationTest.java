package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.OutputOptions;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.ctdc.deid.table.TableProtection;
import org.ctdc.deid.table.TableProtector;
import org.ctdc.deid.table.TableReport;
import org.ctdc.deid.table.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15: the minimisation pass after secondary suppression publishes again the secondary cells that the
 * attacker's whole system does not need, never makes a release unsafe, and is deterministic.
 */
class Issue15MinimisationTest {
  @TempDir Path dir;

  /**
   * A hand-made hierarchical table: region R = {a, b}, S = {c}; sex F, M.
   *
   * <pre>
   *          a   b   c  |  R   S  | Total
   *   F      2  40   1  | 42   1  |  43
   *   M     30  50  20  | 80  20  | 100
   * </pre>
   *
   * Threshold "count ≤ 2": F|a, F|c, F|S (= F|c) are primary. The hypercube of F|a suppresses F|b, M|a, M|b
   * and of F|c (alone under S) the pair with a cousin leaf, which again suppresses subtotals of R; the whole
   * system needs fewer cells.
   */
  static Table handMade() {
    Dimension sex = Dimension.flat("sex", "Total", List.of("F", "M"));
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Total", List.of("R", "S"));
    h.put("R", List.of("a", "b"));
    h.put("S", List.of("c"));
    Dimension region = Dimension.hierarchical("region", "Total", h);
    return Table.ofCounts(TableDefinition.of("t", List.of(sex, region)), new long[] {2, 40, 1, 30, 50, 20});
  }

  static SuppressionRules handMadeRules() {
    return SuppressionRules.ctdcDefaults().withThreshold(2, SuppressionRules.ThresholdBound.AT_MOST)
        .withProtection(1, 0);
  }

  static Map<String, CellStatus> suppressed(ProtectedTable t) {
    Map<String, CellStatus> out = new TreeMap<>();
    for (ProtectedTable.Cell c : t.cells()) {
      if (c.status().isSuppressed()) {
        out.put(String.join("|", c.nodes()), c.status());
      }
    }
    return out;
  }

  @Test
  void issue15_thePassPublishesANeedlessSecondaryOfTheHypercubeSearch() {
    Table t = handMade();
    SuppressionRules rules = handMadeRules();
    int before = Issue15GaussComparisonTest.withoutMinimisation(new GaussExamples.Example("hand", "", t, rules, 0));
    TableProtection p = TableProtector.of(rules).suppress(t);
    ProtectedTable out = p.tables().get(0);
    int after = Issue15GaussComparisonTest.suppressed(out);
    assertTrue(after < before, "after " + after + ", before " + before + ": " + suppressed(out));
    TableReport.Minimisation m = p.reports().get(0).minimisation();
    assertEquals(TableReport.Minimisation.Status.RAN, m.status());
    assertEquals(before - after, m.released());
    assertTrue(p.reports().get(0).lines().stream().anyMatch(l -> l.startsWith("  minimisation: ")));
    for (TableReport.PrimaryCell c : p.reports().get(0).primaries()) {
      assertTrue(c.upper() - c.lower() >= 1, c.toString());
    }
  }

  static List<Long> seeds() {
    return ReleasesPassTheIndependentAuditTest.seeds().subList(0, 12);
  }

  /** Property: after the pass the release passes the independent audit, read back from the files. */
  @ParameterizedTest
  @MethodSource("seeds")
  void issue15_afterThePassEveryRandomReleasePassesTheIndependentAudit(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Table t = RandomTablesProtectionTest.randomTable(r, 2 + r.nextInt(2));
    SuppressionRules rules = RandomTablesProtectionTest.randomRules(r);
    int before = Issue15GaussComparisonTest.withoutMinimisation(new GaussExamples.Example("r", "", t, rules, 0));
    TableProtection p = TableProtector.of(rules).suppress(t);
    ProtectedTable out = p.tables().get(0);
    assertTrue(Issue15GaussComparisonTest.suppressed(out) <= before);
    Problem plain = new Problem(List.of(t), rules);
    Grid g = plain.grids.get(0);
    for (ProtectedTable.Cell c : out.cells()) {
      int cell = 0;
      for (int d = 0; d < g.h.length; d++) {
        cell += g.h[d].index.get(c.nodes().get(d)) * g.stride[d];
      }
      assertEquals(g.status[cell] == CellStatus.PRIMARY, c.status() == CellStatus.PRIMARY, c.nodes().toString());
    }
    List<Path> f = TableWriter.write(out, dir, new OutputOptions("..", rules.minWidth(), Map.of()));
    assertTrue(ReleaseAudit.auditOrFail(List.<Path[]>of(new Path[] {f.get(0), f.get(1)}), rules.minWidth()).passed());
  }

  @Test
  void issue15_thePassIsDeterministic() throws Exception {
    SplittableRandom r = new SplittableRandom(4242);
    for (int k = 0; k < 4; k++) {
      Table t = RandomTablesProtectionTest.randomTable(r, 2 + k % 2);
      SuppressionRules rules = RandomTablesProtectionTest.randomRules(r);
      List<Path> a = TableWriter.write(TableProtector.of(rules).suppress(t).tables().get(0), dir.resolve("a" + k),
          new OutputOptions("..", rules.minWidth(), Map.of()));
      List<Path> b = TableWriter.write(TableProtector.of(rules).suppress(t).tables().get(0), dir.resolve("b" + k),
          new OutputOptions("..", rules.minWidth(), Map.of()));
      for (int i = 0; i < a.size(); i++) {
        assertEquals(Files.readString(a.get(i)), Files.readString(b.get(i)));
      }
    }
  }

  @Test
  void issue15_thePassIsSkippedAndSaysSoWhenTheLpIsLargerThanTheLimit() {
    Problem p = new Problem(List.of(handMade()), handMadeRules());
    new Hypercube(p).run();
    Minimiser.Outcome o = Minimiser.run(p, 0, org.ctdc.schema.internal.Ticker.none());
    assertFalse(o.ran());
    TableProtection full = SuppressionRun.run(List.of(handMade()), handMadeRules(), 0);
    assertEquals(TableReport.Minimisation.Status.SKIPPED, full.reports().get(0).minimisation().status());
    assertTrue(full.reports().get(0).lines().contains(
        "  minimisation: skipped (the attacker's LP is larger than the exact-check limit)"));
  }
}
