package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The post-pass that publishes secondary cells again: it never suppresses more than the hypercube search
 * alone, never touches a primary, and its releases pass the LP check (which shares no code with it).
 */
class SecondaryPostPassTest {

  static List<Long> seeds() {
    return RandomTablesProtectionTest.seeds();
  }

  static int suppressed(Problem p) {
    int n = 0;
    for (Grid g : p.grids) {
      for (int c = 0; c < g.cells; c++) {
        n += g.isPublished(c) && g.suppressed(c) ? 1 : 0;
      }
    }
    return n;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void postPassSuppressesNoMoreAndEveryPrimaryStaysProtected(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Table t = RandomTablesProtectionTest.randomTable(r, 2 + r.nextInt(2));
    SuppressionRules rules = RandomTablesProtectionTest.randomRules(r);
    Problem plain = new Problem(List.of(t), rules);
    new Hypercube(plain, false).run();
    Problem relaxed = new Problem(List.of(t), rules);
    List<Hypercube.Witness> ws = new Hypercube(relaxed, true).run();
    assertTrue(suppressed(relaxed) <= suppressed(plain), suppressed(relaxed) + " > " + suppressed(plain));
    Grid a = plain.grids.get(0);
    Grid b = relaxed.grids.get(0);
    for (int c = 0; c < a.cells; c++) {
      assertEquals(a.status[c] == CellStatus.PRIMARY, b.status[c] == CellStatus.PRIMARY);
      if (b.status[c] == CellStatus.SECONDARY) {
        assertTrue(b.reason[c].startsWith("hypercube protecting primary "), b.reason[c]);
      }
    }
    for (IntervalCheck.Interval i : new IntervalCheck(relaxed).intervals()) {
      assertFalse(i.exposed(), () -> "exposed " + b.label(i.cell()));
    }
    for (Hypercube.Witness w : ws) {
      WitnessCheck.verify(relaxed, w);
    }
  }
}
