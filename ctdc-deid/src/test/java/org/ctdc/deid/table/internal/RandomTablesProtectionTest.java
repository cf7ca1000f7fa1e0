package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: random 2-D and 3-D tables with hierarchical margins and random thresholds; every release the
 * hypercube method produces passes the LP attacker check, which shares no code with it.
 */
class RandomTablesProtectionTest {

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= 25; i++) {
      s.add(i * 7919);
    }
    return s;
  }

  /** A dimension of 2-3 groups of 1-4 leaves (a group of one leaf is a hard case), or flat. */
  static Dimension randomDimension(String name, SplittableRandom r) {
    return randomDimension(name, r, 4);
  }

  static Dimension randomDimension(String name, SplittableRandom r, int maxGroup) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (r.nextInt(3) == 0) {
      List<String> leaves = new ArrayList<>();
      int n = 2 + r.nextInt(maxGroup);
      for (int i = 0; i < n; i++) {
        leaves.add(name + i);
      }
      h.put("Total", leaves);
    } else {
      List<String> groups = new ArrayList<>();
      int ng = 2 + r.nextInt(maxGroup > 2 ? 2 : 1);
      for (int gi = 0; gi < ng; gi++) {
        String gname = name + "G" + gi;
        groups.add(gname);
        List<String> leaves = new ArrayList<>();
        int n = 1 + r.nextInt(maxGroup);
        for (int i = 0; i < n; i++) {
          leaves.add(name + gi + "_" + i);
        }
        h.put(gname, leaves);
      }
      h.put("Total", groups);
      Map<String, List<String>> ordered = new LinkedHashMap<>();
      ordered.put("Total", groups);
      h.forEach((k, v) -> ordered.putIfAbsent(k, v));
      h = ordered;
    }
    return Dimension.hierarchical(name, "Total", h);
  }

  static Table randomTable(SplittableRandom r, int dims) {
    List<Dimension> ds = new ArrayList<>();
    for (int i = 0; i < dims; i++) {
      ds.add(randomDimension("d" + i, r, dims == 2 ? 4 : 2));
    }
    TableDefinition def = TableDefinition.of("t", ds);
    long[] inner = new long[(int) def.innerCellCount()];
    for (int i = 0; i < inner.length; i++) {
      int k = r.nextInt(10);
      inner[i] = k == 0 ? 0 : k < 4 ? 1 + r.nextInt(5) : 5 + r.nextInt(60);
    }
    return Table.ofCounts(def, inner);
  }

  static SuppressionRules randomRules(SplittableRandom r) {
    return SuppressionRules.ctdcDefaults()
        .withThreshold(2 + r.nextInt(10), r.nextBoolean() ? SuppressionRules.ThresholdBound.LESS_THAN
            : SuppressionRules.ThresholdBound.AT_MOST)
        .withProtectZeros(r.nextInt(4) == 0)
        .withProtection(1 + r.nextInt(3), 0);
  }

  static void assertProtected(Problem p) {
    new Hypercube(p).run();
    for (IntervalCheck.Interval i : new IntervalCheck(p).intervals()) {
      Grid g = p.grids.get(i.grid());
      assertFalse(i.exposed(), () -> "exposed " + g.label(i.cell()) + " [" + i.lower() + ", " + i.upper()
          + "] required " + i.required());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomTwoDimensionalReleasesPassTheCheck(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Problem p = new Problem(List.of(randomTable(r, 2)), randomRules(r));
    assertProtected(p);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomThreeDimensionalReleasesPassTheCheck(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Problem p = new Problem(List.of(randomTable(r, 3)), randomRules(r));
    assertProtected(p);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomLinkedTablesSharingADimensionPassTheJointCheck(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Table cube = randomTable(r, 3);
    List<Dimension> ds = cube.definition().dimensions();
    // two tables from the same records: d0 x d1 and d0 x d2, margins of the cube
    Table ab = project(cube, "ab", 0, 1);
    Table ac = project(cube, "ac", 0, 2);
    Problem p = new Problem(List.of(ab, ac), randomRules(r));
    assertProtected(p);
    // shared cells (d0 node, Total) have one status
    Grid x = p.grids.get(0);
    Grid y = p.grids.get(1);
    for (int c = 0; c < x.cells; c++) {
      int d = x.isPublished(c) ? p.counterpart(x, c, y) : -1;
      if (d >= 0) {
        assertTrue(x.suppressed(c) == y.suppressed(d), "shared cell " + x.label(c));
      }
    }
    assertTrue(ds.size() == 3);
  }

  static Table project(Table cube, String name, int a, int b) {
    List<Dimension> ds = cube.definition().dimensions();
    TableDefinition def = TableDefinition.of(name, List.of(ds.get(a), ds.get(b)));
    Table.Builder tb = Table.builder(def, Table.Kind.COUNT);
    int n0 = ds.get(0).leaves().size();
    int n1 = ds.get(1).leaves().size();
    int n2 = ds.get(2).leaves().size();
    for (int i = 0; i < n0; i++) {
      for (int j = 0; j < n1; j++) {
        for (int k = 0; k < n2; k++) {
          int[] leaf = {i, j, k};
          long v = cube.innerValue((i * n1 + j) * n2 + k);
          tb.add(v, ds.get(a).leaves().get(leaf[a]), ds.get(b).leaves().get(leaf[b]));
        }
      }
    }
    return tb.build();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPrimaryStaysSuppressedAndSecondariesAreNeverForced(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Problem p = new Problem(List.of(randomTable(r, 2)), randomRules(r).withForceGrandTotal(true));
    Grid g = p.grids.get(0);
    int gt = g.grandTotal();
    try {
      new Hypercube(p).run();
    } catch (org.ctdc.deid.table.TableException e) {
      return; // a primary that only the forced total could protect: refusing is correct
    }
    assertTrue(g.status[gt] == CellStatus.FORCED_PUBLISH);
    for (IntervalCheck.Interval i : new IntervalCheck(p).intervals()) {
      assertFalse(i.exposed(), () -> "exposed " + g.label(i.cell()));
    }
  }
}
