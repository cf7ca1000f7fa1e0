package org.ctdc.deid.audit.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.deid.audit.TableDimension;
import org.junit.jupiter.api.Test;

/**
 * The re-check every LP answer passes before the audit uses it: a point is accepted exactly when each
 * equation holds and each cell lies in its bounds within 10 x the tolerance, the bound itself included.
 * The component is F + M = 9 (Total published); the tolerance 0.125 makes every sum below exact in binary.
 */
class LocalLpFeasibilityTest {
  private static final double TOL = 0.125; // feasibility tolerance 1.25

  private static LocalLp lp(double[] ub) {
    PublishedTable t = PublishedTable.of(PublishedTableDefinition.of("t", List.of(
        TableDimension.flat("sex", "Total", List.of("F", "M")))), List.of(
        PublishedRow.suppressed(PublishedStatus.PRIMARY, "F"), PublishedRow.suppressed(PublishedStatus.SECONDARY, "M"),
        PublishedRow.published(9, "Total")));
    UnionSpace space = new UnionSpace(List.of(t), 1000);
    int f = space.cellOf(0, List.of("F"));
    int m = space.cellOf(0, List.of("M"));
    double[] fixed = new double[space.size];
    Arrays.fill(fixed, Double.NaN);
    fixed[space.cellOf(0, List.of("Total"))] = 9;
    Equations eqs = Equations.build(space, fixed, TOL);
    assertEquals(1, eqs.count);
    int[] local = new int[space.size];
    Arrays.fill(local, -1);
    local[f] = 0;
    local[m] = 1;
    return LocalLp.of(eqs, List.of(0), local, 2, new double[] {0, 0}, ub, TOL, space, List.of(f, m));
  }

  @Test
  void aPointSatisfyingTheEquationWithinTenTimesTheToleranceIsFeasible() {
    LocalLp lp = lp(new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
    assertTrue(lp.feasible(new double[] {4, 5}));
    assertTrue(lp.feasible(new double[] {4, 6.25}), "sum off by exactly 1.25");
    assertTrue(lp.feasible(new double[] {4, 3.75}), "sum off by exactly -1.25");
    assertFalse(lp.feasible(new double[] {4, 6.5}), "sum off by 1.5");
    assertFalse(lp.feasible(new double[] {4, 3.5}), "sum off by -1.5");
    assertFalse(lp.feasible(new double[] {4, Double.NaN}));
  }

  @Test
  void aCellExactlyTenTimesTheToleranceOutsideItsBoundsIsStillFeasible() {
    LocalLp lp = lp(new double[] {8, 9});
    assertTrue(lp.feasible(new double[] {-1.25, 10.25}), "lower bound - 1.25 and upper bound + 1.25");
    assertFalse(lp.feasible(new double[] {-1.5, 10.5}), "lower bound - 1.5");
    assertTrue(lp.feasible(new double[] {9.25, -0.25}), "upper bound 8 + 1.25");
    assertFalse(lp.feasible(new double[] {9.5, -0.5}), "upper bound 8 + 1.5");
    assertFalse(lp.feasible(new double[] {Double.NaN, 9}));
  }

  @Test
  void harvestWidensTheSeenRangesByAPoint() {
    LocalLp lp = lp(new double[] {9, 9});
    double[] lo = {3, 7};
    double[] hi = {3, 7};
    lp.harvest(new double[] {4, 5}, lo, hi);
    assertArrayEquals(new double[] {3, 5}, lo);
    assertArrayEquals(new double[] {4, 7}, hi);
  }

  @Test
  void theMinimumSumPointIsVerifiedAndZeroOnTheTarget() {
    LocalLp lp = lp(new double[] {9, 9});
    AuditEngine.Stats stats = new AuditEngine.Stats(org.ctdc.schema.internal.Ticker.none());
    double[] x = lp.minimiseSum(new int[] {0}, stats);
    assertArrayEquals(new double[] {0, 9}, x, 1e-9);
    assertEquals(1, stats.lps);
  }
}
