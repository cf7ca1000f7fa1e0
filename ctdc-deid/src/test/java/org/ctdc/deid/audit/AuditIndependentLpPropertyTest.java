package org.ctdc.deid.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The audit's intervals (rank test, one cold LP, then warm-started re-solves switched by bound changes)
 * against an independent formulation on random 3-D tables too large for brute force: one fresh ojAlgo LP per
 * cell and direction over the suppressed inner cells, with one equation per published cell of any level
 * (the sum of the inner cells under it), instead of the audit's one-hierarchy-step equations. Also checks that
 * auditing primaries only gives the same primary intervals.
 */
class AuditIndependentLpPropertyTest {

  static Stream<Long> seeds() {
    return IntStream.range(0, 20).mapToObj(i -> 0xA0D17L * 17 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyIntervalEqualsAFreshPerCellLinearProgram(long seed) {
    Random rnd = new Random(seed);
    int[] n = {3 + rnd.nextInt(3), 3 + rnd.nextInt(3), 2 + rnd.nextInt(3)};
    String[] names = {"a", "b", "c"};
    List<TableDimension> dims = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      List<String> l = new ArrayList<>();
      for (int i = 0; i < n[d]; i++) {
        l.add(names[d] + i);
      }
      dims.add(TableDimension.flat(names[d], "Total", l));
    }
    int inner = n[0] * n[1] * n[2];
    long[] v = new long[inner];
    boolean[] sup = new boolean[inner];
    for (int i = 0; i < inner; i++) {
      v[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(40);
    }
    // Mostly protecting patterns: a few 2 x 2 x 2 cubes of suppressions, plus a few single suppressions.
    int cubes = 1 + rnd.nextInt(4);
    for (int q = 0; q < cubes; q++) {
      int[] a = {rnd.nextInt(n[0]), rnd.nextInt(n[1]), rnd.nextInt(n[2])};
      int[] b = {(a[0] + 1 + rnd.nextInt(n[0] - 1)) % n[0], (a[1] + 1 + rnd.nextInt(n[1] - 1)) % n[1],
          (a[2] + 1 + rnd.nextInt(n[2] - 1)) % n[2]};
      for (int corner = 0; corner < 8; corner++) {
        sup[idx(new int[] {(corner & 1) == 0 ? a[0] : b[0], (corner & 2) == 0 ? a[1] : b[1],
            (corner & 4) == 0 ? a[2] : b[2]}, n)] = true;
      }
    }
    for (int i = 0; i < inner; i++) {
      sup[i] |= rnd.nextDouble() < 0.03;
    }
    // every cell of the table: index per dimension, n[d] meaning Total
    List<int[]> cells = new ArrayList<>();
    for (int i = 0; i <= n[0]; i++) {
      for (int j = 0; j <= n[1]; j++) {
        for (int k = 0; k <= n[2]; k++) {
          cells.add(new int[] {i, j, k});
        }
      }
    }
    List<PublishedRow> rows = new ArrayList<>();
    List<int[]> suppressedCells = new ArrayList<>();
    Map<List<String>, Integer> status = new HashMap<>();
    for (int[] c : cells) {
      boolean isInner = c[0] < n[0] && c[1] < n[1] && c[2] < n[2];
      boolean grand = c[0] == n[0] && c[1] == n[1] && c[2] == n[2];
      boolean s = isInner ? sup[idx(c, n)] : !grand && rnd.nextDouble() < 0.05;
      List<String> codes = codes(c, n, dims);
      if (s) {
        PublishedStatus st = rnd.nextBoolean() ? PublishedStatus.PRIMARY : PublishedStatus.SECONDARY;
        rows.add(new PublishedRow(codes, OptionalDouble.empty(), st));
        suppressedCells.add(c);
        status.put(codes, st.ordinal());
      } else {
        rows.add(new PublishedRow(codes, OptionalDouble.of(sum(v, c, n)), PublishedStatus.PUBLISHABLE));
      }
    }
    PublishedTable table = PublishedTable.of(PublishedTableDefinition.of("t", dims), rows);
    AuditResult all = TableAudit.of().audit(List.of(table));
    AuditResult primariesOnly =
        TableAudit.of(AuditOptions.builder().secondaryIntervals(false).build()).audit(List.of(table));

    // Independent LP: unknowns = suppressed inner cells; one equation per published cell of any level.
    int primaries = 0;
    for (int[] target : suppressedCells) {
      List<String> codes = codes(target, n, dims);
      CellInterval got = all.interval(new CellRef("t", codes)).orElseThrow();
      double lo = solve(target, cells, sup, v, n, rows, true);
      double hi = solve(target, cells, sup, v, n, rows, false);
      String where = "seed " + seed + " cell " + codes + " audit [" + got.min() + ", " + got.max() + "] fresh ["
          + lo + ", " + hi + "]";
      assertEquals(lo, got.min(), 1e-6, where);
      assertEquals(hi, got.max(), 1e-6, where);
      if (got.status() == PublishedStatus.PRIMARY) {
        primaries++;
        CellInterval p = primariesOnly.interval(new CellRef("t", codes)).orElseThrow();
        assertEquals(got, p, where);
      }
    }
    assertEquals(primaries, primariesOnly.cells().size());
    assertTrue(primariesOnly.cells().stream().allMatch(c -> c.status() == PublishedStatus.PRIMARY));
    assertEquals(all.passed(), primariesOnly.passed());
  }

  private static double solve(int[] target, List<int[]> cells, boolean[] sup, long[] v, int[] n,
      List<PublishedRow> rows, boolean minimise) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Map<Integer, Variable> x = new HashMap<>();
    for (int i = 0; i < sup.length; i++) {
      if (sup[i]) {
        x.put(i, model.addVariable("x" + i).lower(0));
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      if (rows.get(r).value().isEmpty()) {
        continue;
      }
      Expression e = model.addExpression("p" + r);
      double constant = 0;
      for (int i : under(cells.get(r), n)) {
        if (sup[i]) {
          e.set(x.get(i), 1);
        } else {
          constant += v[i];
        }
      }
      e.level(rows.get(r).value().getAsDouble() - constant);
    }
    double constant = 0;
    for (int i : under(target, n)) {
      if (sup[i]) {
        x.get(i).weight(1);
      } else {
        constant += v[i];
      }
    }
    Optimisation.Result res = minimise ? model.minimise() : model.maximise();
    if (res.getState() == Optimisation.State.UNBOUNDED) {
      return Double.POSITIVE_INFINITY;
    }
    assertTrue(res.getState().isOptimal(), res.getState().toString());
    return Math.rint((res.getValue() + constant) * 1e6) / 1e6;
  }

  private static int idx(int[] c, int[] n) {
    return (c[0] * n[1] + c[1]) * n[2] + c[2];
  }

  private static List<Integer> under(int[] c, int[] n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n[0]; i++) {
      for (int j = 0; j < n[1]; j++) {
        for (int k = 0; k < n[2]; k++) {
          if ((c[0] == n[0] || c[0] == i) && (c[1] == n[1] || c[1] == j) && (c[2] == n[2] || c[2] == k)) {
            out.add(idx(new int[] {i, j, k}, n));
          }
        }
      }
    }
    return out;
  }

  private static long sum(long[] v, int[] c, int[] n) {
    long s = 0;
    for (int i : under(c, n)) {
      s += v[i];
    }
    return s;
  }

  private static List<String> codes(int[] c, int[] n, List<TableDimension> dims) {
    List<String> out = new ArrayList<>();
    for (int d = 0; d < 3; d++) {
      out.add(c[d] == n[d] ? "Total" : dims.get(d).leaves().get(c[d]));
    }
    return List.copyOf(out);
  }
}
