package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableException;
import org.junit.jupiter.api.Test;

/**
 * The witness check, the safety net for tables too large for the exact LP intervals: it certifies the
 * interval of a correct hypercube and refuses every tampered one (a corner that would go negative, a
 * published cell that would move, a direction that leaves the primary alone, an interval too narrow).
 */
class WitnessCheckTest {
  private static final SuppressionRules BELOW_3 =
      SuppressionRules.ctdcDefaults().withThreshold(3, SuppressionRules.ThresholdBound.LESS_THAN);

  /** Inner [[1, 5, 9], [6, 7, 8]]: (a, x) = 1 is the only primary; the cheapest hypercube is a, b x x, y. */
  private static Problem problem() {
    Table t = DoneWhenTablesTest.table(List.of("a", "b"), List.of("x", "y", "z"), new long[] {1, 5, 9, 6, 7, 8});
    return new Problem(List.of(t), BELOW_3);
  }

  private static String message(Problem p, Hypercube.Witness w) {
    return assertThrows(TableException.class, () -> WitnessCheck.verify(p, w)).getMessage();
  }

  @Test
  void theHypercubeOfTheSmallCellIsCertifiedWithItsExactInterval() {
    Problem p = problem();
    List<Hypercube.Witness> ws = new Hypercube(p).run();
    assertEquals(1, ws.size());
    Hypercube.Witness w = ws.get(0);
    Grid g = p.grids.get(0);
    assertEquals(DoneWhenTablesTest.cell(g, "a", "x"), w.cell());
    // +1 corners (a, x) = 1 and (b, y) = 7; -1 corners (a, y) = 5 and (b, x) = 6
    assertEquals(1, w.tMinus());
    assertEquals(5, w.tPlus());
    assertEquals(4, w.support().size());
    assertArrayEquals(new double[] {0, 6}, WitnessCheck.verify(p, w), 1e-12);
    for (String[] s : new String[][] {{"a", "y"}, {"b", "x"}, {"b", "y"}}) {
      assertEquals(CellStatus.SECONDARY, g.status[DoneWhenTablesTest.cell(g, s)], String.join("|", s));
    }
    assertEquals(CellStatus.PUBLISHABLE, g.status[DoneWhenTablesTest.cell(g, "a", "z")]);
  }

  @Test
  void aStepLargerThanASmallestCornerIsRefused() {
    Problem p = problem();
    Hypercube.Witness w = new Hypercube(p).run().get(0);
    Hypercube.Witness down = new Hypercube.Witness(w.grid(), w.cell(), w.support(), 2, w.tPlus(), w.cells());
    assertTrue(message(p, down).contains("a corner would become negative"));
    Hypercube.Witness up = new Hypercube.Witness(w.grid(), w.cell(), w.support(), w.tMinus(), 6, w.cells());
    assertTrue(message(p, up).contains("a corner would become negative"));
    // exactly the smallest corners are fine
    Hypercube.Witness exact = new Hypercube.Witness(w.grid(), w.cell(), w.support(), 1, 5, w.cells());
    assertArrayEquals(new double[] {0, 6}, WitnessCheck.verify(p, exact), 1e-12);
  }

  @Test
  void aDirectionThatMovesAPublishedCellIsRefused() {
    Problem p = problem();
    Hypercube.Witness w = new Hypercube(p).run().get(0);
    Grid g = p.grids.get(0);
    int ay = DoneWhenTablesTest.cell(g, "a", "y");
    g.status[ay] = CellStatus.PUBLISHABLE;
    String m = message(p, w);
    assertTrue(m.contains("published cell t[a|y] would change"), m);
    assertTrue(m.startsWith("check failed for primary cell t[a|x]: "), m);
    assertTrue(m.endsWith("; nothing is released"), m);
  }

  @Test
  void aDirectionWithOnlyOneCornerMovesItsPublishedMargins() {
    Problem p = problem();
    Hypercube.Witness w = new Hypercube(p).run().get(0);
    List<int[]> one = new ArrayList<>();
    for (int[] s : w.support()) {
      if (s[1] == w.cell()) {
        one.add(s);
      }
    }
    assertEquals(1, one.size());
    Hypercube.Witness lone = new Hypercube.Witness(w.grid(), w.cell(), one, w.tMinus(), w.tPlus(), w.cells());
    assertTrue(message(p, lone).contains("would change"));
  }

  @Test
  void aDirectionThatLeavesThePrimaryAloneIsRefused() {
    Problem p = problem();
    Hypercube.Witness w = new Hypercube(p).run().get(0);
    int az = DoneWhenTablesTest.cell(p.grids.get(0), "a", "z");
    Hypercube.Witness other = new Hypercube.Witness(w.grid(), az, w.support(), w.tMinus(), w.tPlus(), w.cells());
    assertTrue(message(p, other).contains("the direction does not move the primary"));
  }

  @Test
  void anIntervalNarrowerThanRequiredIsRefused() {
    Problem p = problem();
    Hypercube.Witness w = new Hypercube(p).run().get(0);
    // width 0 + 0 < 1
    Hypercube.Witness flat = new Hypercube.Witness(w.grid(), w.cell(), w.support(), 0, 0, w.cells());
    // the requirements are judged over all witnesses of the primary (issue 15: several may combine)
    assertTrue(assertThrows(TableException.class, () -> WitnessCheck.range(p, List.of(flat))).getMessage()
        .contains("the certified interval is too narrow"));
    // width 0 + 1 = 1 is exactly wide enough: [1, 2]
    Hypercube.Witness one = new Hypercube.Witness(w.grid(), w.cell(), w.support(), 0, 1, w.cells());
    assertArrayEquals(new double[] {1, 2}, WitnessCheck.range(p, List.of(one)), 1e-12);
  }
}
