package org.ctdc.deid.table.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.Dimension;
import org.ctdc.deid.table.SuppressionRules;
import org.ctdc.deid.table.SuppressionRules.ThresholdBound;
import org.ctdc.deid.table.Table;
import org.ctdc.deid.table.TableDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The primary rules of magnitude tables, on hand-computed cells at and around each boundary, and against
 * a brute-force oracle (sorting every contribution under a cell) on random tables with margins.
 */
class MagnitudeRulesTest {

  /** No threshold, zeros published, no magnitude rule: each test switches on the rule it checks. */
  static final SuppressionRules OFF = SuppressionRules.ctdcDefaults().withThreshold(0, ThresholdBound.LESS_THAN);

  /** A one-dimensional magnitude table: one leaf per contribution list, all under Total. */
  static Grid grid(SuppressionRules rules, long[]... cells) {
    return new Problem(List.of(table(cells)), rules).grids().get(0);
  }

  /** The same table, before the rules. */
  static Table table(long[]... cells) {
    List<String> leaves = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      leaves.add("c" + i);
    }
    TableDefinition def = TableDefinition.of("m", List.of(Dimension.flat("cell", "Total", leaves)));
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    for (int i = 0; i < cells.length; i++) {
      for (long v : cells[i]) {
        b.add(v, "c" + i);
      }
    }
    return b.build();
  }

  static CellStatus status(Grid g, String leaf) {
    return g.status[g.h[0].index.get(leaf)];
  }

  static String rule(Grid g, String leaf) {
    return g.rule[g.h[0].index.get(leaf)];
  }

  @Test
  void dominanceIsBrokenOnlyWhenTheTopNExceedKPercentStrictly() {
    Grid g = grid(OFF.withMagnitudeRules(2, 85, 0, 0),
        new long[] {50, 35, 15}, // top two = 85 of 100: exactly k, not above -> safe
        new long[] {50, 36, 14}, // 86 % -> primary
        new long[] {50, 34, 16}, // 84 % -> safe
        new long[] {7}, // one contributor: 100 % -> primary
        new long[] {14, 36, 50}, // same as c1, contributions in another order
        new long[] {0, 0, 0}); // contributors but total 0: nothing to dominate
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c0"));
    assertEquals(CellStatus.PRIMARY, status(g, "c1"));
    assertEquals("(2,85)-dominance", rule(g, "c1"));
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c2"));
    assertEquals(CellStatus.PRIMARY, status(g, "c3"));
    assertEquals(CellStatus.PRIMARY, status(g, "c4"));
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c5"));
    // Total: 307, its two largest contributions 50 + 50 = 32.6 %
    assertEquals(CellStatus.PUBLISHABLE, status(g, "Total"));
  }

  @Test
  void dominanceWithOneContributorAndFractionalK() {
    Grid g = grid(OFF.withMagnitudeRules(1, 60.5, 0, 0),
        new long[] {121, 79}, // 60.5 % exactly -> safe
        new long[] {122, 78}, // 61 % -> primary
        new long[] {120, 80}); // 60 % -> safe
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c0"));
    assertEquals(CellStatus.PRIMARY, status(g, "c1"));
    assertEquals("(1,60.5)-dominance", rule(g, "c1"));
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c2"));
  }

  @Test
  void dominanceOfAMarginUsesTheLargestContributionsOfAllItsChildren() {
    // Each leaf alone is 100 % dominated by its two contributors; the margin is not until it crosses 85 %.
    Grid safe = grid(OFF.withMagnitudeRules(2, 85, 0, 0), new long[] {40, 10}, new long[] {45, 5});
    assertEquals(CellStatus.PRIMARY, status(safe, "c0"));
    assertEquals(CellStatus.PRIMARY, status(safe, "c1"));
    assertEquals(CellStatus.PUBLISHABLE, status(safe, "Total"), "45 + 40 = 85 of 100");
    Grid dominated = grid(OFF.withMagnitudeRules(2, 85, 0, 0), new long[] {40, 10}, new long[] {46, 4});
    assertEquals(CellStatus.PRIMARY, status(dominated, "Total"), "46 + 40 = 86 of 100");
  }

  @Test
  void pPercentRuleComparesTheRemainderAfterTheTwoLargestWithPPercentOfTheLargest() {
    Grid g = grid(OFF.withMagnitudeRules(0, 0, 10, 0),
        new long[] {100, 20, 10}, // remainder 10 = 10 % of 100: not less -> safe
        new long[] {100, 20, 9}, // 9 < 10 -> primary
        new long[] {100, 20, 11}, // safe
        new long[] {20, 100}, // two contributors: the second learns the first exactly -> primary
        new long[] {100}, // one contributor -> primary
        new long[] {9, 20, 100}); // c1 in another order
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c0"));
    assertEquals(CellStatus.PRIMARY, status(g, "c1"));
    assertEquals("10%-rule", rule(g, "c1"));
    assertEquals(CellStatus.PUBLISHABLE, status(g, "c2"));
    assertEquals(CellStatus.PRIMARY, status(g, "c3"));
    assertEquals(CellStatus.PRIMARY, status(g, "c4"));
    assertEquals(CellStatus.PRIMARY, status(g, "c5"));
    // Total 519: 519 - 100 - 100 = 319, far above 10
    assertEquals(CellStatus.PUBLISHABLE, status(g, "Total"));
  }

  @Test
  void fewContributorsAndTheContributorThresholdHaveTheirDocumentedBounds() {
    Grid few = grid(OFF.withMagnitudeRules(0, 0, 0, 3), new long[] {5, 5}, new long[] {5, 5, 5}, new long[0]);
    assertEquals(CellStatus.PRIMARY, status(few, "c0"));
    assertEquals("few contributors: fewer than 3", rule(few, "c0"));
    assertEquals(CellStatus.PUBLISHABLE, status(few, "c1"));
    assertEquals(CellStatus.EMPTY, status(few, "c2"), "no contributor: an empty cell, not a few-contributors cell");
    assertNull(rule(few, "c2"));
    Grid zeros = grid(OFF.withMagnitudeRules(0, 0, 0, 3).withProtectZeros(true), new long[0], new long[] {1, 1, 1});
    assertEquals(CellStatus.PRIMARY, status(zeros, "c0"));

    Grid less = grid(OFF.withThreshold(3, ThresholdBound.LESS_THAN), new long[] {1000, 1000},
        new long[] {1, 1, 1});
    assertEquals(CellStatus.PRIMARY, status(less, "c0"));
    assertEquals("threshold: contributors < 3", rule(less, "c0"));
    assertEquals(CellStatus.PUBLISHABLE, status(less, "c1"), "3 contributors, however small the sum");
    Grid atMost = grid(OFF.withThreshold(3, ThresholdBound.AT_MOST), new long[] {1, 1, 1}, new long[] {1, 1, 1, 1});
    assertEquals(CellStatus.PRIMARY, status(atMost, "c0"));
    assertEquals("threshold: contributors ≤ 3", rule(atMost, "c0"));
    assertEquals(CellStatus.PUBLISHABLE, status(atMost, "c1"));
  }

  // ---- oracle on random two-dimensional tables with hierarchical margins ----

  static List<Long> seeds() {
    List<Long> s = new ArrayList<>();
    for (long i = 1; i <= 30; i++) {
      s.add(i * 104_729);
    }
    return s;
  }

  /** Brute force: the rule a cell breaks, from all its contributions, in integer arithmetic. */
  static boolean unsafe(List<Long> contributions, int n, long k, long p, int minContributors, long threshold) {
    List<Long> c = new ArrayList<>(contributions);
    c.sort(java.util.Comparator.reverseOrder());
    long total = c.stream().mapToLong(Long::longValue).sum();
    int count = c.size();
    if (count == 0) {
      return false;
    }
    if (count < threshold || (minContributors > 0 && count < minContributors)) {
      return true;
    }
    if (n > 0 && total > 0) {
      long top = 0;
      for (int i = 0; i < n && i < count; i++) {
        top += c.get(i);
      }
      if (top * 100 > k * total) {
        return true;
      }
    }
    if (p > 0 && total > 0) {
      long x1 = c.get(0);
      long x2 = count > 1 ? c.get(1) : 0;
      return (total - x1 - x2) * 100 < p * x1;
    }
    return false;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyPublishedCellIsPrimaryExactlyWhenTheBruteForceOracleSaysSo(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Dimension rows = Dimension.hierarchical("row", "Total", hierarchy("r", r));
    Dimension cols = Dimension.hierarchical("col", "Total", hierarchy("k", r));
    TableDefinition def = TableDefinition.of("m", List.of(rows, cols));
    Table.Builder b = Table.builder(def, Table.Kind.MAGNITUDE);
    Map<String, List<Long>> byLeaf = new LinkedHashMap<>();
    for (String row : rows.leaves()) {
      for (String col : cols.leaves()) {
        List<Long> cs = new ArrayList<>();
        int m = r.nextInt(6);
        for (int i = 0; i < m; i++) {
          long v = r.nextInt(4) == 0 ? 500 + r.nextInt(2000) : r.nextInt(100);
          cs.add(v);
          b.add(v, row, col);
        }
        byLeaf.put(row + "|" + col, cs);
      }
    }
    int n = r.nextInt(4);
    long k = 50 + r.nextInt(50);
    long p = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(30);
    int minC = r.nextInt(4);
    long threshold = r.nextInt(4);
    SuppressionRules rules = OFF.withThreshold(threshold, ThresholdBound.LESS_THAN)
        .withMagnitudeRules(n, n == 0 ? 0 : k, p, minC);
    Grid g = new Problem(List.of(b.build()), rules).grids().get(0);
    int checked = 0;
    for (int c = 0; c < g.cells; c++) {
      List<String> nodes = g.nodes(c);
      List<Long> all = new ArrayList<>();
      for (String rl : leavesUnder(rows, nodes.get(0))) {
        for (String cl : leavesUnder(cols, nodes.get(1))) {
          all.addAll(byLeaf.get(rl + "|" + cl));
        }
      }
      boolean expected = unsafe(all, n, k, p, minC, threshold);
      assertEquals(expected, g.status[c] == CellStatus.PRIMARY, () -> "cell " + nodes + " rules " + rules);
      if (!expected) {
        assertEquals(all.isEmpty() ? CellStatus.EMPTY : CellStatus.PUBLISHABLE, g.status[c]);
      }
      checked++;
    }
    assertEquals(g.cells, checked);
  }

  static Map<String, List<String>> hierarchy(String prefix, SplittableRandom r) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    List<String> groups = new ArrayList<>();
    int ng = 1 + r.nextInt(3);
    for (int gi = 0; gi < ng; gi++) {
      groups.add(prefix + "G" + gi);
    }
    h.put("Total", groups);
    for (int gi = 0; gi < ng; gi++) {
      List<String> leaves = new ArrayList<>();
      int nl = 1 + r.nextInt(3);
      for (int i = 0; i < nl; i++) {
        leaves.add(prefix + gi + "_" + i);
      }
      h.put(prefix + "G" + gi, leaves);
    }
    return h;
  }

  static List<String> leavesUnder(Dimension d, String node) {
    List<String> out = new ArrayList<>();
    List<String> ch = d.hierarchy().get(node);
    if (ch == null) {
      out.add(node);
    } else {
      for (String c : ch) {
        out.addAll(leavesUnder(d, c));
      }
    }
    return out;
  }
}
