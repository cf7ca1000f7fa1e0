package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit's LP intervals against brute force on tiny random tables with margins: every non-negative
 * integer completion of the suppressed inner cells that reproduces all published cells is enumerated. The LP
 * interval always contains the integer one; for two-way flat tables and one-way hierarchies (totally
 * unimodular constraints) they are equal.
 */
class AuditBruteForcePropertyTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 0x5EEDL * 31 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void lpIntervalMatchesIntegerCompletions(long seed) {
    Random rnd = new Random(seed);
    int shape = (int) (seed % 4);
    List<TableDimension> dims = switch (shape) {
      case 0 -> List.of(flat("r", 2 + rnd.nextInt(2)), flat("c", 2 + rnd.nextInt(2)));
      case 1 -> List.of(hier("g", 2, 2 + rnd.nextInt(2)));
      case 2 -> List.of(flat("a", 2), flat("b", 2), flat("c", 2));
      default -> List.of(hier("g", 2, 2), flat("c", 2 + rnd.nextInt(2)));
    };
    boolean unimodular = shape == 0 || shape == 1;
    // Inner cells: product of leaves; all cells: product of nodes.
    List<List<String>> leaves = dims.stream().map(TableDimension::leaves).toList();
    List<List<String>> inner = product(leaves);
    List<List<String>> all = product(dims.stream().map(TableDimension::nodes).toList());
    Map<List<String>, Integer> innerIndex = new HashMap<>();
    for (int i = 0; i < inner.size(); i++) {
      innerIndex.put(inner.get(i), i);
    }
    int[] truth = new int[inner.size()];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = rnd.nextInt(5);
    }
    Map<List<String>, int[]> cover = new LinkedHashMap<>();
    for (List<String> cell : all) {
      List<List<String>> under = new ArrayList<>();
      for (int d = 0; d < dims.size(); d++) {
        under.add(dims.get(d).leavesUnder(cell.get(d)));
      }
      cover.put(cell, product(under).stream().mapToInt(innerIndex::get).toArray());
    }
    List<String> grand = dims.stream().map(TableDimension::total).toList();
    // Random pattern: at most 4 suppressed inner cells, some suppressed margins, grand total published.
    List<PublishedRow> rows = new ArrayList<>();
    List<List<String>> suppressed = new ArrayList<>();
    int innerSuppressed = 0;
    for (List<String> cell : all) {
      boolean isInner = innerIndex.containsKey(cell);
      double p = isInner ? 0.4 : 0.2;
      boolean sup = !cell.equals(grand) && rnd.nextDouble() < p && (!isInner || innerSuppressed < 4);
      if (sup) {
        innerSuppressed += isInner ? 1 : 0;
        suppressed.add(cell);
        rows.add(new PublishedRow(cell, java.util.OptionalDouble.empty(),
            rnd.nextBoolean() ? PublishedStatus.PRIMARY : PublishedStatus.SECONDARY));
      } else {
        rows.add(new PublishedRow(cell, java.util.OptionalDouble.of(sum(truth, cover.get(cell))),
            PublishedStatus.PUBLISHABLE));
      }
    }
    PublishedTable table = PublishedTable.of(PublishedTableDefinition.of("t", dims), rows);
    AuditResult audit = TableAudit.of().audit(List.of(table));

    // Brute force over the suppressed inner cells, each within the smallest published cell covering it.
    List<Integer> unknown = new ArrayList<>();
    List<Integer> bound = new ArrayList<>();
    Map<List<String>, Double> published = new LinkedHashMap<>();
    for (PublishedRow r : rows) {
      if (r.value().isPresent()) {
        published.put(r.codes(), r.value().getAsDouble());
      }
    }
    for (List<String> cell : suppressed) {
      Integer i = innerIndex.get(cell);
      if (i != null) {
        int b = Integer.MAX_VALUE;
        for (Map.Entry<List<String>, Double> e : published.entrySet()) {
          for (int k : cover.get(e.getKey())) {
            if (k == i) {
              b = Math.min(b, e.getValue().intValue());
            }
          }
        }
        unknown.add(i);
        bound.add(b);
      }
    }
    int[] x = truth.clone();
    int[] lo = new int[suppressed.size()];
    int[] hi = new int[suppressed.size()];
    java.util.Arrays.fill(lo, Integer.MAX_VALUE);
    java.util.Arrays.fill(hi, Integer.MIN_VALUE);
    enumerate(0, unknown, bound, x, published, cover, suppressed, lo, hi);

    for (int s = 0; s < suppressed.size(); s++) {
      CellInterval c = audit.interval(new CellRef("t", suppressed.get(s))).orElseThrow();
      String where = "seed " + seed + " cell " + suppressed.get(s) + " lp [" + c.min() + ", " + c.max()
          + "] int [" + lo[s] + ", " + hi[s] + "]";
      assertTrue(lo[s] <= hi[s], where);
      assertTrue(c.min() <= lo[s] + 1e-6 && c.max() >= hi[s] - 1e-6, where);
      if (unimodular) {
        assertEquals(lo[s], c.min(), 1e-6, where);
        assertEquals(hi[s], c.max(), 1e-6, where);
      }
      assertEquals(c.max() - c.min() <= 1e-6, c.exposure() == Exposure.DETERMINED, where);
    }
  }

  private static void enumerate(int k, List<Integer> unknown, List<Integer> bound, int[] x,
      Map<List<String>, Double> published, Map<List<String>, int[]> cover, List<List<String>> suppressed,
      int[] lo, int[] hi) {
    if (k == unknown.size()) {
      for (Map.Entry<List<String>, Double> e : published.entrySet()) {
        if (sum(x, cover.get(e.getKey())) != e.getValue()) {
          return;
        }
      }
      for (int s = 0; s < suppressed.size(); s++) {
        int v = sum(x, cover.get(suppressed.get(s)));
        lo[s] = Math.min(lo[s], v);
        hi[s] = Math.max(hi[s], v);
      }
      return;
    }
    for (int v = 0; v <= bound.get(k); v++) {
      x[unknown.get(k)] = v;
      enumerate(k + 1, unknown, bound, x, published, cover, suppressed, lo, hi);
    }
  }

  private static int sum(int[] x, int[] idx) {
    int s = 0;
    for (int i : idx) {
      s += x[i];
    }
    return s;
  }

  private static TableDimension flat(String name, int n) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(name + i);
    }
    return TableDimension.flat(name, "Total", l);
  }

  private static TableDimension hier(String name, int groups, int per) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    List<String> top = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String gn = name + "G" + g;
      top.add(gn);
      List<String> ch = new ArrayList<>();
      for (int i = 0; i < per; i++) {
        ch.add(gn + "_" + i);
      }
      h.put(gn, ch);
    }
    Map<String, List<String>> ordered = new LinkedHashMap<>();
    ordered.put("Total", top);
    ordered.putAll(h);
    return new TableDimension(name, "Total", ordered);
  }

  private static List<List<String>> product(List<List<String>> sets) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (List<String> s : sets) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String v : s) {
          List<String> p = new ArrayList<>(prefix);
          p.add(v);
          next.add(List.copyOf(p));
        }
      }
      out = next;
    }
    return out;
  }
}
