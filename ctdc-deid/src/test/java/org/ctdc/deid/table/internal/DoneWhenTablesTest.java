package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.junit.jupiter.api.Test;

/** The two tables of issue 5's "done when". */
class DoneWhenTablesTest {

  static Table table(List<String> rows, List<String> cols, long[] inner) {
    TableDefinition def = TableDefinition.of("t", List.of(
        Dimension.flat("row", "Total", rows), Dimension.flat("col", "Total", cols)));
    return Table.ofCounts(def, inner);
  }

  static int cell(Grid g, String... nodes) {
    int c = 0;
    for (int d = 0; d < nodes.length; d++) {
      c += g.h[d].index.get(nodes[d]) * g.stride[d];
    }
    return c;
  }

  static void onlyPrimaries(Grid g, List<String[]> primaries) {
    for (int c = 0; c < g.cells; c++) {
      if (g.isPublished(c)) {
        g.status[c] = CellStatus.PUBLISHABLE;
      }
    }
    for (String[] p : primaries) {
      int c = cell(g, p);
      g.status[c] = CellStatus.PRIMARY;
      g.rule[c] = "given";
    }
  }

  static final SuppressionRules THRESHOLD_2 = SuppressionRules.ctdcDefaults().withThreshold(2,
      SuppressionRules.ThresholdBound.LESS_THAN);

  @Test
  void suppressingOnlyTheOneIsRejectedWithIntervalOneOne() {
    Table t = table(List.of("r1", "r2", "r3"), List.of("c1", "c2", "c3"), new long[] {1, 6, 8, 5, 7, 9, 4, 3, 10});
    Problem p = new Problem(List.of(t), THRESHOLD_2);
    Grid g = p.grids.get(0);
    int one = cell(g, "r1", "c1");
    assertEquals(CellStatus.PRIMARY, g.status[one]);
    long suppressed = java.util.stream.IntStream.range(0, g.cells).filter(g::suppressed).count();
    assertEquals(1, suppressed, "only the 1 is primary under threshold 2");
    IntervalCheck.Interval i = new IntervalCheck(p).interval(0, one);
    assertEquals(1.0, i.lower());
    assertEquals(1.0, i.upper());
    assertTrue(i.exposed());
  }

  @Test
  void secondarySuppressionOfTheThreeByThreeTablePassesTheCheck() {
    Table t = table(List.of("r1", "r2", "r3"), List.of("c1", "c2", "c3"), new long[] {1, 6, 8, 5, 7, 9, 4, 3, 10});
    Problem p = new Problem(List.of(t), THRESHOLD_2);
    new Hypercube(p).run();
    Grid g = p.grids.get(0);
    List<IntervalCheck.Interval> iv = new IntervalCheck(p).intervals();
    assertEquals(1, iv.size());
    assertFalse(iv.get(0).exposed());
    assertTrue(iv.get(0).upper() - iv.get(0).lower() >= 1);
    // a rectangle: the 1, one more cell in its row, its column, and the opposite corner; no margin
    assertEquals(3, java.util.stream.IntStream.range(0, g.cells).filter(c -> g.status[c] == CellStatus.SECONDARY)
        .count());
    for (int c = 0; c < g.cells; c++) {
      if (g.suppressed(c)) {
        assertTrue(g.isInner(c), "no margin is suppressed");
      }
    }
  }

  static final List<String> ROWS = List.of("w", "x", "y", "z");
  static final List<String> COLS = List.of("a", "b", "c", "d");
  static final long[] FOUR = {30, 47, 64, 89, 90, 124, 5, 31, 92, 100, 59, 85, 800, 991, 651, 685};

  static List<String[]> fourPrimaries() {
    List<String[]> l = new ArrayList<>();
    for (String s : new String[] {"w|a", "w|b", "w|c", "x|a", "x|c", "y|b", "y|d", "z|b", "z|d"}) {
      l.add(s.split("\\|"));
    }
    return l;
  }

  @Test
  void twoSuppressionsPerRowAndColumnLeakWbExactly() {
    Problem p = new Problem(List.of(table(ROWS, COLS, FOUR)), SuppressionRules.ctdcDefaults());
    Grid g = p.grids.get(0);
    onlyPrimaries(g, fourPrimaries());
    IntervalCheck chk = new IntervalCheck(p);
    IntervalCheck.Interval wb = chk.interval(0, cell(g, "w", "b"));
    assertEquals(47.0, wb.lower());
    assertEquals(47.0, wb.upper());
    assertTrue(wb.exposed());
    long exposed = chk.intervals().stream().filter(IntervalCheck.Interval::exposed).count();
    assertTrue(exposed >= 1);
  }

  @Test
  void hypercubesAddTheSecondarySuppressionThatProtectsWb() {
    Problem p = new Problem(List.of(table(ROWS, COLS, FOUR)), SuppressionRules.ctdcDefaults());
    Grid g = p.grids.get(0);
    onlyPrimaries(g, fourPrimaries());
    new Hypercube(p).run();
    long secondaries = java.util.stream.IntStream.range(0, g.cells)
        .filter(c -> g.status[c] == CellStatus.SECONDARY).count();
    assertTrue(secondaries >= 1, "at least one secondary cell is added");
    for (IntervalCheck.Interval i : new IntervalCheck(p).intervals()) {
      assertFalse(i.exposed(), () -> "exposed: " + g.label(i.cell()) + " [" + i.lower() + ", " + i.upper() + "]");
    }
    IntervalCheck.Interval wb = new IntervalCheck(p).interval(0, cell(g, "w", "b"));
    assertTrue(wb.upper() - wb.lower() >= 1);
  }
}
