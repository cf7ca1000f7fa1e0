package org.ctdc.deid.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What cell suppression publishes and reports on tables small enough to work out by hand: the cell order,
 * statuses and values, the primaries' attacker intervals, the reasons and notes, and the rule descriptions.
 */
class SuppressionReportFactsTest {

  private static final String ZEROS_PUBLISHED =
      "zeros: published as empty cells (a published zero discloses that no record has the attributes)";
  private static final String SECONDARY = "secondary: hierarchical hypercubes, cost = value + 1 per new cell";

  private static TableDefinition twoByTwo() {
    return TableDefinition.of("t", List.of(
        Dimension.flat("row", "Total", List.of("a", "b")), Dimension.flat("col", "Total", List.of("x", "y"))));
  }

  /**
   * Inner cells [[1, 5], [6, 7]], threshold &lt; 3: (a, x) is the only primary; the only hypercube is the
   * whole 2x2 rectangle; with t = (a, x), the others are 6 - t, 7 - t and 6 + t, so the attacker interval of
   * (a, x) is [0, 6].
   */
  @Test
  void twoByTwoWithOnePrimarySuppressesTheRectangleAndReportsTheExactInterval() {
    Table t = Table.ofCounts(twoByTwo(), new long[] {1, 5, 6, 7});
    SuppressionRules rules = SuppressionRules.ctdcDefaults().withThreshold(3, SuppressionRules.ThresholdBound.LESS_THAN);
    TableProtection p = TableProtector.of(rules).suppress(t);
    ProtectedTable pt = p.tables().get(0);
    assertEquals("suppression", pt.method());
    List<List<String>> order = new ArrayList<>();
    for (ProtectedTable.Cell c : pt.cells()) {
      order.add(c.nodes());
    }
    // row-major over the published nodes of each dimension in pre-order (the total first)
    assertEquals(List.of(List.of("Total", "Total"), List.of("Total", "x"), List.of("Total", "y"),
        List.of("a", "Total"), List.of("a", "x"), List.of("a", "y"),
        List.of("b", "Total"), List.of("b", "x"), List.of("b", "y")), order);
    assertEquals(CellStatus.PRIMARY, pt.cell("a", "x").status());
    assertEquals(OptionalLong.empty(), pt.cell("a", "x").value());
    for (String[] s : new String[][] {{"a", "y"}, {"b", "x"}, {"b", "y"}}) {
      assertEquals(CellStatus.SECONDARY, pt.cell(s).status(), String.join("|", s));
      assertEquals(OptionalLong.empty(), pt.cell(s).value());
    }
    assertEquals(OptionalLong.of(19), pt.cell("Total", "Total").value());
    assertEquals(OptionalLong.of(6), pt.cell("a", "Total").value());
    assertEquals(OptionalLong.of(13), pt.cell("b", "Total").value());
    assertEquals(OptionalLong.of(7), pt.cell("Total", "x").value());
    assertEquals(OptionalLong.of(12), pt.cell("Total", "y").value());
    assertEquals(CellStatus.PUBLISHABLE, pt.cell("Total", "y").status());

    TableReport r = p.reports().get(0);
    assertEquals("t", r.table());
    assertEquals(Map.of(CellStatus.PRIMARY, 1, CellStatus.SECONDARY, 3, CellStatus.PUBLISHABLE, 5,
        CellStatus.FORCED_PUBLISH, 0, CellStatus.EMPTY, 0), r.statusCounts());
    assertEquals(1, r.primaries().size());
    TableReport.PrimaryCell pc = r.primaries().get(0);
    assertEquals(List.of("a", "x"), pc.nodes());
    assertEquals("threshold: count < 3", pc.rule());
    assertEquals(0.0, pc.lower(), 1e-9);
    assertEquals(6.0, pc.upper(), 1e-9);
    assertEquals(1, pc.requiredWidth());
    assertEquals("lp", pc.source());
    assertEquals(3, r.secondaries().size());
    for (TableReport.SecondaryCell sc : r.secondaries()) {
      assertEquals("hypercube protecting primary t[a|x]", sc.reason());
    }
    assertEquals(List.of(), r.notes());
    assertEquals(List.of("threshold: a count < 3 is primary", ZEROS_PUBLISHED,
        "protection: attacker interval at least max(1, 0% of the value) wide", SECONDARY), r.rules());
  }

  /**
   * One dimension, leaves 1 and 2, the grand total forced: 1 and 2 are primary under "≤ 2"; a 3 would not
   * be. The total 3 breaks the rule itself and is published with a note. Each leaf is only known to lie in
   * [0, 3] (it and the other leaf sum to 3).
   */
  @Test
  void forcedGrandTotalIsPublishedWithANoteAndTheAtMostBoundIsInclusive() {
    TableDefinition def = TableDefinition.of("one", List.of(Dimension.flat("d", "All", List.of("p", "q", "r"))));
    Table t = Table.ofCounts(def, new long[] {1, 2, 3});
    SuppressionRules rules = SuppressionRules.ctdcDefaults().withThreshold(2, SuppressionRules.ThresholdBound.AT_MOST)
        .withForceGrandTotal(true).withProtection(2, 50);
    TableProtection p = TableProtector.of(rules).suppress(t);
    ProtectedTable pt = p.tables().get(0);
    assertEquals(CellStatus.PRIMARY, pt.cell("p").status());
    assertEquals(CellStatus.PRIMARY, pt.cell("q").status());
    assertEquals(CellStatus.PUBLISHABLE, pt.cell("r").status());
    assertEquals(OptionalLong.of(3), pt.cell("r").value());
    assertEquals(CellStatus.FORCED_PUBLISH, pt.cell("All").status());
    assertEquals(OptionalLong.of(6), pt.cell("All").value());
    TableReport r = p.reports().get(0);
    assertEquals(Map.of(CellStatus.PRIMARY, 2, CellStatus.PUBLISHABLE, 1, CellStatus.FORCED_PUBLISH, 1,
        CellStatus.SECONDARY, 0, CellStatus.EMPTY, 0), r.statusCounts());
    // the total 6 does not break "≤ 2": no note
    assertEquals(List.of(), r.notes());
    assertEquals(2, r.primaries().size());
    for (TableReport.PrimaryCell pc : r.primaries()) {
      // p + q = 3 once r and the total are published
      assertEquals(0.0, pc.lower(), 1e-9);
      assertEquals(3.0, pc.upper(), 1e-9);
      // max(2, ceil(50 % of 1 or 2)) = 2
      assertEquals(2, pc.requiredWidth());
      assertEquals("threshold: count ≤ 2", pc.rule());
    }
    assertEquals(List.of("threshold: a count ≤ 2 is primary", ZEROS_PUBLISHED,
        "protection: attacker interval at least max(2, 50% of the value) wide", SECONDARY,
        "grand total always published"), r.rules());
  }

  @Test
  void forcedGrandTotalThatBreaksTheRuleIsNotedWithItsRule() {
    TableDefinition def = TableDefinition.of("one", List.of(Dimension.flat("d", "All", List.of("p", "q"))));
    Table t = Table.ofCounts(def, new long[] {1, 1});
    SuppressionRules rules = SuppressionRules.ctdcDefaults().withForceGrandTotal(true);
    TableProtection p = TableProtector.of(rules).suppress(t);
    ProtectedTable pt = p.tables().get(0);
    assertEquals(CellStatus.FORCED_PUBLISH, pt.cell("All").status());
    assertEquals(OptionalLong.of(2), pt.cell("All").value());
    assertEquals(List.of("cell All is published by configuration although it breaks: threshold: count < 11"),
        p.reports().get(0).notes());
  }

  /** Zero cells: published as EMPTY by default, primary under protectZeros. */
  @Test
  void zeroCellsAreEmptyOrPrimaryAsConfigured() {
    Table t = Table.ofCounts(twoByTwo(), new long[] {0, 20, 30, 40});
    SuppressionRules base = SuppressionRules.ctdcDefaults().withThreshold(3, SuppressionRules.ThresholdBound.LESS_THAN);
    ProtectedTable plain = TableProtector.of(base).suppress(t).tables().get(0);
    assertEquals(CellStatus.EMPTY, plain.cell("a", "x").status());
    assertEquals(OptionalLong.of(0), plain.cell("a", "x").value());
    assertEquals(0, plain.count(CellStatus.PRIMARY) + plain.count(CellStatus.SECONDARY));
    TableProtection zp = TableProtector.of(base.withProtectZeros(true)).suppress(t);
    ProtectedTable z = zp.tables().get(0);
    assertEquals(CellStatus.PRIMARY, z.cell("a", "x").status());
    assertEquals(3, z.count(CellStatus.SECONDARY));
    assertEquals("zero cell (protectZeros)", zp.reports().get(0).primaries().get(0).rule());
    assertTrue(zp.reports().get(0).rules().contains(
        "zeros: protected as primary cells (a published zero discloses that no record has the attributes)"));
    // (a, x) = t: a-row 20 = t + (a, y), x-column 30 = t + (b, x): t in [0, 20]
    assertEquals(0.0, zp.reports().get(0).primaries().get(0).lower(), 1e-9);
    assertEquals(20.0, zp.reports().get(0).primaries().get(0).upper(), 1e-9);
  }

  /** Unpublished margins are not cells of the release; the hierarchy still links the leaves. */
  @Test
  void unpublishedSubtotalsAreLeftOutOfTheRelease() {
    Dimension region = Dimension.hierarchical("region", "World",
        Map.of("World", List.of("North", "South"), "North", List.of("n1", "n2"), "South", List.of("s1", "s2")));
    TableDefinition def = TableDefinition.of("geo", List.of(region)).withMargins("region", Set.of("World"));
    Table t = Table.ofCounts(def, new long[] {20, 30, 40, 50});
    ProtectedTable pt = TableProtector.of(SuppressionRules.ctdcDefaults()).suppress(t).tables().get(0);
    List<List<String>> order = new ArrayList<>();
    for (ProtectedTable.Cell c : pt.cells()) {
      order.add(c.nodes());
    }
    assertEquals(List.of(List.of("World"), List.of("n1"), List.of("n2"), List.of("s1"), List.of("s2")), order);
    assertEquals(OptionalLong.of(140), pt.cell("World").value());
  }

  /** Magnitude tables describe their dominance, p% and contributor rules; count tables do not. */
  @Test
  void magnitudeRulesAreDescribedOnlyForMagnitudeTables() {
    TableDefinition def = TableDefinition.of("m", List.of(Dimension.flat("d", "All", List.of("p", "q"))));
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    for (int i = 0; i < 10; i++) {
      b.add(10, "p");
      b.add(10, "q");
    }
    SuppressionRules rules = SuppressionRules.ctdcDefaults().withThreshold(0, SuppressionRules.ThresholdBound.LESS_THAN)
        .withMagnitudeRules(2, 80, 12.5, 3).withProtection(1, 10);
    TableProtection p = TableProtector.of(rules).suppress(b.build());
    assertEquals(List.of(ZEROS_PUBLISHED, "(2,80)-dominance", "p%-rule with p = 12.5",
        "few contributors: fewer than 3", "protection: attacker interval at least max(1, 10% of the value) wide",
        SECONDARY), p.reports().get(0).rules());
    assertEquals(0, p.tables().get(0).count(CellStatus.PRIMARY));
    TableProtection counts = TableProtector.of(rules.withThreshold(5, SuppressionRules.ThresholdBound.LESS_THAN)).suppress(Table.ofCounts(def, new long[] {20, 20}));
    assertEquals(List.of("threshold: a count < 5 is primary", ZEROS_PUBLISHED,
        "protection: attacker interval at least max(1, 10% of the value) wide", SECONDARY),
        counts.reports().get(0).rules());
    TableProtection contributors = TableProtector.of(rules.withThreshold(5, SuppressionRules.ThresholdBound.LESS_THAN)).suppress(b.build());
    assertEquals("threshold: a number of contributors < 5 is primary", contributors.reports().get(0).rules().get(0));
  }
}
