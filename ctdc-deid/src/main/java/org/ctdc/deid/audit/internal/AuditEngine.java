package org.ctdc.deid.audit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.ctdc.deid.audit.AuditOptions;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.deid.audit.AuditResult;
import org.ctdc.deid.audit.CellInterval;
import org.ctdc.deid.audit.CellProtection;
import org.ctdc.deid.audit.CellRef;
import org.ctdc.deid.audit.Exposure;
import org.ctdc.deid.audit.PublishedRow;
import org.ctdc.deid.audit.PublishedStatus;
import org.ctdc.deid.audit.PublishedTable;
import org.ctdc.deid.audit.TableAuditException;
import org.ctdc.deid.audit.PublishedTableDefinition;
import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * The audit: builds the additivity equations of the published cells over the union space, splits the free
 * cells into connected components, and computes each suppressed cell's interval (rank test, then ojAlgo
 * linear programs). Stateless entry point; each run uses its own state. Thread-safe.
 */
public final class AuditEngine {
  /** Largest {@code m * n * min(m, n)} for which the dense rank test is run on a component. */
  static final long RANK_WORK_LIMIT = 60_000_000L;

  private AuditEngine() {}

  private record Target(CellRef ref, PublishedStatus status, int cell, OptionalDouble minWidth,
      @Nullable CellProtection protection) {}

  /** Runs the audit. */
  public static AuditResult run(List<PublishedTable> tables, AuditOptions options) {
    return run(tables, options, Ticker.none());
  }

  /**
   * Runs the audit with progress and cancellation checkpoints: audited cells done (those pinned by a
   * published value at once, the others a component at a time), out of the cells audited; the signal is also
   * checked before every linear program.
   *
   * @param tables the tables
   * @param options the options
   * @param ticker the checkpoints
   * @return the result
   */
  public static AuditResult run(List<PublishedTable> tables, AuditOptions options, Ticker ticker) {
    ticker.check();
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("tables: at least one table is required");
    }
    Map<String, Integer> tableIndex = new LinkedHashMap<>();
    for (int t = 0; t < tables.size(); t++) {
      if (tableIndex.put(tables.get(t).name(), t) != null) {
        throw new TableAuditException("two tables are named '" + Shown.name(tables.get(t).name()) + "'");
      }
    }
    UnionSpace space = new UnionSpace(tables, options.maxCells());
    int size = space.size;
    double[] fixed = new double[size];
    Arrays.fill(fixed, Double.NaN);
    int[] fixedBy = new int[size];
    double scale = 1;
    List<Target> targets = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      PublishedTable table = tables.get(t);
      PublishedTableDefinition def = table.definition();
      int rowNumber = 0;
      for (PublishedRow row : table.rows()) {
        rowNumber++;
        int c = space.cellOf(t, row.codes());
        if (row.value().isPresent()) {
          double v = row.value().getAsDouble();
          scale = Math.max(scale, v);
          if (!Double.isNaN(fixed[c]) && Math.abs(fixed[c] - v) > 1e-9 * Math.max(1, v)) {
            throw new TableAuditException("tables '" + Shown.name(tables.get(fixedBy[c]).name()) + "' and '"
                + Shown.name(table.name()) + "' publish different values for the same cell " + space.describe(c));
          }
          fixed[c] = v;
          fixedBy[c] = t;
        } else if (row.status() == PublishedStatus.PRIMARY || options.secondaryIntervals()) {
          OptionalDouble w = options.minWidth().isPresent() ? options.minWidth() : def.minWidth();
          CellRef ref = new CellRef(table.name(), row.codes());
          CellProtection prot = null;
          if (row.status() == PublishedStatus.PRIMARY) {
            prot = options.cellProtections().getOrDefault(ref, table.levels().get(ref));
            if (prot == null && def.levels().isPresent()) {
              throw new TableAuditException("table '" + Shown.name(table.name()) + "': row " + rowNumber
                  + ": a primary cell without protection levels although the definition names a levels file");
            }
          }
          targets.add(new Target(ref, row.status(), c, w, prot));
        }
      }
    }
    double tol = 1e-7 * scale;
    double[] lower = new double[size];
    double[] upper = new double[size];
    Arrays.fill(upper, Double.POSITIVE_INFINITY);
    for (Map.Entry<CellRef, double[]> e : options.knownBounds().entrySet()) {
      Integer t = tableIndex.get(e.getKey().table());
      int c = t == null || e.getKey().codes().size() != tables.get(t).definition().dimensions().size()
          ? -1 : space.cellOf(t, e.getKey().codes());
      if (c < 0) {
        throw new TableAuditException("known bound for " + e.getKey() + ": no such cell in the audited tables");
      }
      lower[c] = Math.max(lower[c], e.getValue()[0]);
      upper[c] = Math.min(upper[c], e.getValue()[1]);
    }
    Equations eqs = Equations.build(space, fixed, tol);
    // Union-find over free cells linked by an equation.
    int[] parent = new int[size];
    for (int i = 0; i < size; i++) {
      parent[i] = i;
    }
    for (int k = 0; k < eqs.count; k++) {
      int a = find(parent, eqs.var[eqs.start[k]]);
      for (int p = eqs.start[k] + 1; p < eqs.start[k + 1]; p++) {
        int b = find(parent, eqs.var[p]);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
          a = Math.min(a, b);
        }
      }
    }
    // Components holding targets, in order of first target.
    Map<Integer, List<Integer>> compTargets = new LinkedHashMap<>();
    double[] min = new double[targets.size()];
    double[] max = new double[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      int c = targets.get(i).cell();
      if (!Double.isNaN(fixed[c])) {
        min[i] = fixed[c];
        max[i] = fixed[c];
      } else {
        compTargets.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, List<Integer>> compEqs = new LinkedHashMap<>();
    for (int k = 0; k < eqs.count; k++) {
      int root = find(parent, eqs.var[eqs.start[k]]);
      if (compTargets.containsKey(root)) {
        compEqs.computeIfAbsent(root, r -> new ArrayList<>()).add(k);
      }
    }
    int[] local = new int[size];
    Arrays.fill(local, -1);
    Stats stats = new Stats(ticker);
    ticker.start(targets.size());
    long audited = targets.size();
    for (List<Integer> c : compTargets.values()) {
      audited -= c.size();
    }
    for (Map.Entry<Integer, List<Integer>> comp : compTargets.entrySet()) {
      ticker.at(audited);
      List<Integer> eqList = compEqs.getOrDefault(comp.getKey(), List.of());
      solveComponent(space, eqs, eqList, comp.getValue(), targets, lower, upper, local, tol, min, max, stats);
      audited += comp.getValue().size();
    }
    ticker.end();
    Exposure[] verdicts = new Exposure[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      verdicts[i] = verdict(targets.get(i), min[i], max[i], options, tol);
    }
    singletonAttackers(space, eqs, compTargets, compEqs, parent, targets, fixed, lower, upper, local, tol, options,
        verdicts, stats);
    List<CellInterval> out = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      out.add(new CellInterval(t.ref(), t.status(), min[i], max[i], verdicts[i]));
    }
    return new AuditResult(List.copyOf(tableIndex.keySet()), out, stats.lps, stats.rank);
  }

  static final class Stats {
    final Ticker ticker;
    int lps;
    int warm;
    int rejected;
    int rank;

    Stats(Ticker ticker) {
      this.ticker = ticker;
    }
  }

  /**
   * The singleton attacker: each respondent that alone makes up one or more primary cells knows them exactly.
   * For each, the other primaries of the components holding its cells are solved again with those cells fixed
   * at their true values; a primary that then misses its width or levels (and passed the public check) is
   * {@link Exposure#SINGLETON}. A primary containing one of the respondent's cells is not judged against it:
   * the respondent is then one of its own contributors, whom its levels already allow for. The reported
   * intervals stay the public ones.
   */
  private static void singletonAttackers(UnionSpace space, Equations eqs, Map<Integer, List<Integer>> compTargets,
      Map<Integer, List<Integer>> compEqs, int[] parent, List<Target> targets, double[] fixed, double[] lower,
      double[] upper, int[] local, double tol, AuditOptions options, Exposure[] verdicts, Stats stats) {
    Map<String, List<Integer>> byRespondent = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      if (t.protection() != null && t.protection().respondent().isPresent() && Double.isNaN(fixed[t.cell()])) {
        byRespondent.computeIfAbsent(t.ref().table() + "\u0000" + t.protection().respondent().getAsInt(),
            k -> new ArrayList<>()).add(i);
      }
    }
    double[] min = new double[targets.size()];
    double[] max = new double[targets.size()];
    for (List<Integer> own : byRespondent.values()) {
      Set<Integer> ownCells = new HashSet<>();
      Set<Integer> roots = new java.util.LinkedHashSet<>();
      for (int i : own) {
        ownCells.add(targets.get(i).cell());
        roots.add(find(parent, targets.get(i).cell()));
      }
      for (int root : roots) {
        List<Integer> others = new ArrayList<>();
        for (int i : compTargets.getOrDefault(root, List.of())) {
          Target t = targets.get(i);
          if (t.status() == PublishedStatus.PRIMARY && !verdicts[i].isExposed() && !ownCells.contains(t.cell())
              && !space.coversAny(t.cell(), ownCells)) {
            others.add(i);
          }
        }
        if (others.isEmpty()) {
          continue;
        }
        double[][] saved = new double[own.size()][];
        for (int k = 0; k < own.size(); k++) {
          Target t = targets.get(own.get(k));
          saved[k] = new double[] {lower[t.cell()], upper[t.cell()]};
          double value = Objects.requireNonNull(t.protection()).value(); // grouped by its protection's respondent
          lower[t.cell()] = value;
          upper[t.cell()] = value;
        }
        try {
          solveComponent(space, eqs, compEqs.getOrDefault(root, List.of()), others, targets, lower, upper, local, tol,
              min, max, stats);
        } finally {
          for (int k = own.size() - 1; k >= 0; k--) {
            Target t = targets.get(own.get(k));
            lower[t.cell()] = saved[k][0];
            upper[t.cell()] = saved[k][1];
          }
        }
        for (int i : others) {
          if (verdict(targets.get(i), min[i], max[i], options, tol).isExposed()) {
            verdicts[i] = Exposure.SINGLETON;
          }
        }
      }
    }
  }

  private static Exposure verdict(Target t, double min, double max, AuditOptions o, double tol) {
    double width = max - min;
    if (width <= tol) {
      return Exposure.DETERMINED;
    }
    if (t.minWidth().isPresent() && width < t.minWidth().getAsDouble() - tol) {
      return Exposure.TOO_NARROW;
    }
    CellProtection p = t.protection();
    if (p != null) {
      if (max < p.value() + p.upper() - tol) {
        return Exposure.UPPER_PROTECTION;
      }
      if (min > p.value() - p.lower() + tol) {
        return Exposure.LOWER_PROTECTION;
      }
    }
    Double truth = o.trueValues().get(t.ref());
    if (truth != null) {
      if (o.upperProtection() > 0 && max < truth * (1 + o.upperProtection()) - tol) {
        return Exposure.UPPER_PROTECTION;
      }
      if (o.lowerProtection() > 0 && min > truth * (1 - o.lowerProtection()) + tol) {
        return Exposure.LOWER_PROTECTION;
      }
    }
    return Exposure.PROTECTED;
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void solveComponent(UnionSpace space, Equations eqs, List<Integer> eqList, List<Integer> targetIdx,
      List<Target> targets, double[] lowerG, double[] upperG, int[] local, double tol, double[] min, double[] max,
      Stats stats) {
    List<Integer> vars = new ArrayList<>();
    for (int k : eqList) {
      for (int p = eqs.start[k]; p < eqs.start[k + 1]; p++) {
        int v = eqs.var[p];
        if (local[v] < 0) {
          local[v] = vars.size();
          vars.add(v);
        }
      }
    }
    for (int ti : targetIdx) {
      int v = targets.get(ti).cell();
      if (local[v] < 0) {
        local[v] = vars.size();
        vars.add(v);
      }
    }
    int n = vars.size();
    int m = eqList.size();
    double[] lb = new double[n];
    double[] ub = new double[n];
    for (int i = 0; i < n; i++) {
      lb[i] = lowerG[vars.get(i)];
      ub[i] = upperG[vars.get(i)];
    }
    // Trivial upper bounds: an equation whose free coefficients share one sign bounds each of its cells.
    for (int k : eqList) {
      int s = eqs.coef[eqs.start[k]];
      boolean same = true;
      for (int p = eqs.start[k]; p < eqs.start[k + 1]; p++) {
        same &= eqs.coef[p] == s;
      }
      if (same) {
        double bound = eqs.rhs[k] * s;
        if (bound < -tol) {
          throw new TableAuditException("published tables are inconsistent: no non-negative table has the"
              + " published margins around cell " + space.describe(eqs.var[eqs.start[k]]));
        }
        for (int p = eqs.start[k]; p < eqs.start[k + 1]; p++) {
          int v = local[eqs.var[p]];
          ub[v] = Math.min(ub[v], Math.max(0, bound));
        }
      }
    }
    // Distinct target variables, in order.
    int[] tv = targetIdx.stream().mapToInt(ti -> local[targets.get(ti).cell()]).distinct().toArray();
    boolean[] determined = new boolean[n];
    if ((long) m * n * Math.min(m, n) <= RANK_WORK_LIMIT && m > 0) {
      rankTest(eqs, eqList, local, n, tv, determined);
    }
    LocalLp lp = LocalLp.of(eqs, eqList, local, n, lb, ub, tol, space, vars);
    double[] lo = new double[n];
    double[] hi = new double[n];
    Arrays.fill(lo, Double.POSITIVE_INFINITY);
    Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    // One cold LP minimising the sum of the open targets: a verified feasible point (every later bound is
    // checked against the published equations too), and usually every lower bound at once.
    double[] x0 = lp.minimiseSum(tv, stats);
    lp.harvest(x0, lo, hi);
    double[] minL = new double[n];
    double[] maxL = new double[n];
    List<Integer> needMin = new ArrayList<>();
    List<Integer> needMax = new ArrayList<>();
    for (int j : tv) {
      if (determined[j]) {
        stats.rank++;
        minL[j] = snap(x0[j], tol);
        maxL[j] = minL[j];
        continue;
      }
      if (lo[j] <= lb[j] + tol) {
        minL[j] = lb[j];
      } else {
        needMin.add(j);
      }
      needMax.add(j);
    }
    // Maxima first (each solution can lower a later minimum), then the minima still open; one warm-started
    // solver per direction, the target switched by bound changes only.
    lp.bounds(needMax, false, lo, hi, maxL, stats);
    List<Integer> stillMin = new ArrayList<>();
    for (int j : needMin) {
      if (lo[j] <= lb[j] + tol) {
        minL[j] = lb[j];
      } else {
        stillMin.add(j);
      }
    }
    lp.bounds(stillMin, true, lo, hi, minL, stats);
    for (int j : tv) {
      if (!determined[j]) {
        minL[j] = Math.max(lb[j], minL[j]);
        if (maxL[j] < minL[j]) {
          maxL[j] = minL[j];
        }
      }
    }
    for (int ti : targetIdx) {
      int j = local[targets.get(ti).cell()];
      min[ti] = minL[j];
      max[ti] = maxL[j];
    }
    for (int v : vars) {
      local[v] = -1;
    }
  }

  static double snap(double v, double tol) {
    double r = Math.rint(v);
    double s = Math.abs(v - r) <= tol ? r : v;
    return s == 0 ? 0 : s;
  }

  /**
   * Marks targets whose unit vector lies in the row space of the component's equations: reduced row echelon
   * form with partial pivoting; target j is determined when it is a pivot column whose row is zero on every
   * non-pivot column.
   */
  private static void rankTest(Equations eqs, List<Integer> eqList, int[] local, int n, int[] tv, boolean[] out) {
    int m = eqList.size();
    double[][] a = new double[m][n];
    for (int q = 0; q < m; q++) {
      int k = eqList.get(q);
      for (int p = eqs.start[k]; p < eqs.start[k + 1]; p++) {
        a[q][local[eqs.var[p]]] = eqs.coef[p];
      }
    }
    final double eps = 1e-9;
    int[] pivotRowOf = new int[n];
    Arrays.fill(pivotRowOf, -1);
    int row = 0;
    for (int col = 0; col < n && row < m; col++) {
      int best = -1;
      double bestAbs = eps;
      for (int r = row; r < m; r++) {
        double v = Math.abs(a[r][col]);
        if (v > bestAbs) {
          bestAbs = v;
          best = r;
        }
      }
      if (best < 0) {
        continue;
      }
      double[] tmp = a[best];
      a[best] = a[row];
      a[row] = tmp;
      double[] pr = a[row];
      double inv = 1 / pr[col];
      for (int c = col; c < n; c++) {
        pr[c] *= inv;
      }
      for (int r = 0; r < m; r++) {
        if (r == row) {
          continue;
        }
        double f = a[r][col];
        if (Math.abs(f) > 0) {
          double[] rr = a[r];
          for (int c = col; c < n; c++) {
            rr[c] -= f * pr[c];
          }
          rr[col] = 0;
        }
      }
      pivotRowOf[col] = row;
      row++;
    }
    Set<Integer> pivots = new HashSet<>();
    for (int c = 0; c < n; c++) {
      if (pivotRowOf[c] >= 0) {
        pivots.add(c);
      }
    }
    for (int j : tv) {
      int r = pivotRowOf[j];
      if (r < 0) {
        continue;
      }
      boolean unit = true;
      for (int c = 0; c < n && unit; c++) {
        if (c != j && !pivots.contains(c) && Math.abs(a[r][c]) > 1e-7) {
          unit = false;
        }
      }
      out[j] = unit;
    }
  }
}
