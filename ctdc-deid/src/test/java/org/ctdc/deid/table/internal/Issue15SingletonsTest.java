package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.ProtectedTable;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableProtector;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a respondent that alone makes up a suppressed cell knows that cell's value; two singletons that
 * protect only each other let either recover the other (τ-ARGUS's singleton handling).
 */
class Issue15SingletonsTest {

  static final SuppressionRules P10 = Issue15ProtectionLevelsTest.OFF.withMagnitudeRules(0, 0, 10, 0);

  /** c0 and c1 have one contributor each; c2 and c3 many. */
  static Table table() {
    return MagnitudeRulesTest.table(new long[] {500}, new long[] {600}, Issue15ProtectionLevelsTest.many(20, 4),
        Issue15ProtectionLevelsTest.many(30, 10));
  }

  @Test
  void issue15_twoSingletonsProtectingEachOtherAreExposedByTheCheck() {
    Problem p = new Problem(List.of(table()), P10);
    Grid g = p.grids().get(0);
    int c0 = g.h[0].index.get("c0");
    int c1 = g.h[0].index.get("c1");
    assertEquals(CellStatus.PRIMARY, g.status[c0]);
    assertEquals(CellStatus.PRIMARY, g.status[c1]);
    // only the two singletons suppressed: the public attacker sees c0 in [0, 1100], wide enough
    List<IntervalCheck.Interval> iv = new IntervalCheck(p).intervals();
    for (IntervalCheck.Interval i : iv) {
      assertEquals(0, i.lower(), 1e-9);
      assertEquals(1100, i.upper(), 1e-9);
      assertFalse(i.narrow(i.lower(), i.upper()));
      // but c1's respondent knows 600 and recovers c0 exactly (and the other way round)
      assertTrue(i.bySingleton(), "singleton attacker");
      assertTrue(i.exposed());
    }
  }

  @Test
  void issue15_suppressionAddsACellSoThatNoSingletonRecoversTheOther() {
    ProtectedTable t = TableProtector.of(P10).suppress(table()).tables().get(0);
    assertEquals(CellStatus.PRIMARY, t.cell("c0").status());
    assertEquals(CellStatus.PRIMARY, t.cell("c1").status());
    // c2 = 80 is the cheapest third cell that lets each singleton miss the other by its level (50, 60)
    assertEquals(CellStatus.SECONDARY, t.cell("c2").status());
    Problem p = new Problem(List.of(table()), P10);
    Grid g = p.grids().get(0);
    p.suppress(g, g.h[0].index.get("c2"), "as released");
    for (IntervalCheck.Interval i : new IntervalCheck(p).intervals()) {
      assertFalse(i.exposed(), "primary " + i.cell());
    }
  }
}
