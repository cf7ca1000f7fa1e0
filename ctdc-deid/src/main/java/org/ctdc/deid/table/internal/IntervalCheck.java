package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.deid.table.CellStatus;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.jspecify.annotations.Nullable;

/**
 * The attacker's interval of every suppressed primary cell, by linear programming (ojAlgo), shared with
 * nothing in the suppression search. Variables: the suppressed and the unpublished inner cells of every
 * linked table, x ≥ 0.
 * Constraints: every published margin equals the sum of its inner cells; every suppressed cell shared by two
 * tables has equal sums in both. Connected components of the constraint graph are solved separately.
 *
 * <p>A primary is exposed when its interval is narrower than the required width, when the upper bound does not
 * reach {@code value + UPL} or the lower bound {@code value − LPL} (the protection levels of magnitude cells),
 * or when a singleton attacker exposes it: for each respondent that alone makes up one or more suppressed
 * cells (a cell with one contributor, and its margins with the same one contributor), the intervals of the
 * other primaries are computed again with those cells known exactly, and must meet the same requirements. The
 * intervals returned are the public attacker's. Not thread-safe.
 */
public final class IntervalCheck {

  /**
   * The interval of one primary cell; upper is +∞ when unbounded.
   *
   * @param grid the table's index
   * @param cell the cell
   * @param lower the public attacker's lower bound
   * @param upper the public attacker's upper bound
   * @param required the required width
   * @param reachLower the lower bound must be at most this ({@code value − LPL}; +∞ when no level)
   * @param reachUpper the upper bound must be at least this ({@code value + UPL}; −∞ when no level)
   * @param bySingleton whether a singleton attacker (a respondent knowing its own cells) exposes the cell
   */
  public record Interval(int grid, int cell, double lower, double upper, long required, double reachLower,
      double reachUpper, boolean bySingleton) {
    /** An interval with a width requirement only. */
    public Interval(int grid, int cell, double lower, double upper, long required) {
      this(grid, cell, lower, upper, required, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false);
    }

    /** @return whether the interval is narrower than required, misses a protection level, or a singleton exposes it */
    public boolean exposed() {
      return bySingleton || narrow(lower, upper);
    }

    boolean narrow(double lo, double hi) {
      return hi - lo < required - 1e-6 || hi < reachUpper - 1e-6 || lo > reachLower + 1e-6;
    }
  }

  private final Problem p;
  private final List<int[]> vars = new ArrayList<>(); // {grid, cell}
  private final Map<Long, Integer> varIndex = new HashMap<>();
  private final List<int[]> rows = new ArrayList<>(); // var indices with coefficient +1, then -1 after a -1 marker
  private final List<int[]> negRows = new ArrayList<>();
  private int[] parent;
  private int[] rowCount;
  /** Cells the attacker knows exactly although suppressed ({@code grid << 32 | cell}): a singleton's own. */
  private final java.util.Set<Long> known;

  /**
   * Builds the attacker's system from the current statuses.
   *
   * @param problem the linked tables
   */
  public IntervalCheck(Problem problem) {
    this(problem, java.util.Set.of());
  }

  private IntervalCheck(Problem problem, java.util.Set<Long> known) {
    this.p = problem;
    this.known = known;
    List<Map<Integer, List<Integer>>> under = new ArrayList<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      Map<Integer, List<Integer>> m = new LinkedHashMap<>();
      under.add(m);
      for (int c = 0; c < g.cells; c++) {
        if (g.isInner(c) && (g.suppressed(c) || !g.isPublished(c)) && !known.contains(((long) gi << 32) | c)) {
          int v = vars.size();
          vars.add(new int[] {gi, c});
          varIndex.put(((long) gi << 32) | c, v);
          for (int a : ancestors(g, c)) {
            if (g.isPublished(a)) {
              m.computeIfAbsent(a, k -> new ArrayList<>()).add(v);
            }
          }
        }
      }
    }
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (Map.Entry<Integer, List<Integer>> e : under.get(gi).entrySet()) {
        int a = e.getKey();
        if (!g.suppressed(a) || known.contains(((long) gi << 32) | a)) {
          rows.add(toArray(e.getValue()));
          negRows.add(new int[0]);
        } else {
          for (int gj = gi + 1; gj < p.grids.size(); gj++) {
            int b = p.counterpart(g, a, p.grids.get(gj));
            if (b >= 0) {
              rows.add(toArray(e.getValue()));
              negRows.add(toArray(under.get(gj).getOrDefault(b, List.of())));
            }
          }
        }
      }
    }
    rowCount = new int[vars.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int v : rows.get(r)) {
        rowCount[v]++;
      }
      for (int v : negRows.get(r)) {
        rowCount[v]++;
      }
    }
    parent = new int[vars.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int r = 0; r < rows.size(); r++) {
      int first = -1;
      for (int[] side : new int[][] {rows.get(r), negRows.get(r)}) {
        for (int v : side) {
          if (first < 0) {
            first = v;
          } else {
            union(first, v);
          }
        }
      }
    }
  }

  private static int[] toArray(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }

  private int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  static int[] ancestors(Grid g, int cell) {
    int n = g.h.length;
    int[][] chains = new int[n][];
    for (int d = 0; d < n; d++) {
      List<Integer> ch = new ArrayList<>();
      for (int node = g.coord(cell, d); node >= 0; node = g.h[d].parent[node]) {
        ch.add(node);
      }
      chains[d] = toArray(ch);
    }
    int total = 1;
    for (int[] ch : chains) {
      total *= ch.length;
    }
    int[] out = new int[total];
    int[] idx = new int[n];
    for (int t = 0; t < total; t++) {
      int c = 0;
      for (int d = 0; d < n; d++) {
        c += chains[d][idx[d]] * g.stride[d];
      }
      out[t] = c;
      for (int d = n - 1; d >= 0; d--) {
        if (++idx[d] < chains[d].length) {
          break;
        }
        idx[d] = 0;
      }
    }
    return out;
  }

  /** @return the number of LP variables (suppressed inner cells) */
  public int variableCount() {
    return vars.size();
  }

  /**
   * The interval of every primary cell (a shared primary in each of its tables).
   *
   * @return intervals in table and cell order
   */
  public List<Interval> intervals() {
    List<Interval> out = new ArrayList<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        if (g.status[c] == CellStatus.PRIMARY) {
          out.add(interval(gi, c));
        }
      }
    }
    if (!known.isEmpty()) {
      return out;
    }
    // The singleton attackers: each respondent knows the suppressed cells it alone makes up.
    Map<Long, List<Long>> byRespondent = new LinkedHashMap<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        if (g.respondent[c] >= 0 && g.suppressed(c) && g.isPublished(c)) {
          byRespondent.computeIfAbsent(((long) gi << 32) | g.respondent[c], k -> new ArrayList<>())
              .add(((long) gi << 32) | c);
        }
      }
    }
    for (List<Long> own : byRespondent.values()) {
      java.util.Set<Long> knows = new java.util.HashSet<>(own);
      IntervalCheck attacker = null;
      for (int k = 0; k < out.size(); k++) {
        Interval i = out.get(k);
        long key = ((long) i.grid() << 32) | i.cell();
        if (i.bySingleton() || knows.contains(key) || coversAny(i.grid(), i.cell(), own)
            || !sharesComponent(i.grid(), i.cell(), own)) {
          continue;
        }
        if (attacker == null) {
          attacker = new IntervalCheck(p, knows);
        }
        Interval a = attacker.interval(i.grid(), i.cell());
        if (i.narrow(a.lower(), a.upper()) && !i.narrow(i.lower(), i.upper())) {
          out.set(k, new Interval(i.grid(), i.cell(), i.lower(), i.upper(), i.required(), i.reachLower(),
              i.reachUpper(), true));
        }
      }
    }
    return out;
  }

  /** Whether a primary contains one of the respondent's cells: the respondent is then one of its contributors. */
  private boolean coversAny(int gi, int cell, List<Long> own) {
    for (long k : own) {
      if ((int) (k >>> 32) == gi && p.grids.get(gi).covers(cell, (int) k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether knowing the given cells can change a primary's interval: they share an LP component. */
  private boolean sharesComponent(int gi, int cell, List<Long> own) {
    java.util.Set<Integer> roots = new java.util.HashSet<>();
    for (long k : own) {
      Grid g = p.grids.get((int) (k >>> 32));
      int c = (int) k;
      forInnerUnder(g, c, v -> {
        Integer idx = varIndex.get((k & 0xFFFFFFFF00000000L) | v);
        if (idx != null) {
          roots.add(find(idx));
        }
      });
    }
    boolean[] hit = new boolean[1];
    Grid g = p.grids.get(gi);
    forInnerUnder(g, cell, v -> {
      Integer idx = varIndex.get(((long) gi << 32) | v);
      if (idx != null && roots.contains(find(idx))) {
        hit[0] = true;
      }
    });
    return hit[0];
  }

  private static void forInnerUnder(Grid g, int cell, java.util.function.IntConsumer f) {
    int n = g.h.length;
    int[] idx = new int[n];
    int[] lo = new int[n];
    int[] hi = new int[n];
    for (int d = 0; d < n; d++) {
      int node = g.coord(cell, d);
      lo[d] = g.h[d].lo[node];
      hi[d] = g.h[d].hi[node];
      idx[d] = lo[d];
    }
    while (true) {
      int c = 0;
      for (int d = 0; d < n; d++) {
        c += idx[d] * g.stride[d];
      }
      f.accept(c);
      int d = n - 1;
      while (d >= 0 && ++idx[d] == hi[d]) {
        idx[d] = lo[d];
        d--;
      }
      if (d < 0) {
        return;
      }
    }
  }

  /**
   * The interval of one suppressed cell.
   *
   * @param gi the table's index
   * @param cell the cell
   * @return its interval
   */
  public Interval interval(int gi, int cell) {
    Grid g = p.grids.get(gi);
    long required = p.rules.requiredWidth(g.value[cell]);
    double reachLower = g.level[cell] > 0 ? g.value[cell] - g.lowerLevel(cell) : Double.POSITIVE_INFINITY;
    double reachUpper = g.level[cell] > 0 ? g.value[cell] + g.level[cell] : Double.NEGATIVE_INFINITY;
    List<Integer> objVars = new ArrayList<>();
    long[] fixedSum = new long[1];
    forInnerUnder(g, cell, c -> {
      Integer v = varIndex.get(((long) gi << 32) | c);
      if (v == null) {
        fixedSum[0] += g.value[c];
      } else {
        objVars.add(v);
      }
    });
    if (objVars.isEmpty()) {
      return new Interval(gi, cell, fixedSum[0], fixedSum[0], required, reachLower, reachUpper, false);
    }
    boolean[] comp = new boolean[vars.size()];
    for (int v : objVars) {
      comp[find(v)] = true;
    }
    double[] range = solve(comp, objVars);
    return new Interval(gi, cell, fixedSum[0] + range[0], fixedSum[0] + range[1], required, reachLower, reachUpper, false);
  }

  private final Map<Integer, Object[]> models = new HashMap<>();

  private double[] solve(boolean[] compRoots, List<Integer> objVars) {
    // a variable in no constraint is free above: ojAlgo reports such a maximum as 0, so decide it here
    boolean free = false;
    for (int v : objVars) {
      free |= rowCount[v] == 0;
    }
    if (free) {
      List<Integer> bound = new ArrayList<>();
      for (int v : objVars) {
        if (rowCount[v] > 0) {
          bound.add(v);
        }
      }
      double lower = bound.isEmpty() ? 0 : solve(compRoots, bound)[0];
      return new double[] {lower, Double.POSITIVE_INFINITY};
    }
    int root = -1;
    boolean single = true;
    for (int v : objVars) {
      int r = find(v);
      if (root >= 0 && r != root) {
        single = false;
      }
      root = r;
    }
    Object[] cached = single ? models.get(root) : null;
    if (cached == null) {
      cached = build(compRoots);
      if (single) {
        models.put(root, cached);
      }
    }
    ExpressionsBasedModel m = (ExpressionsBasedModel) cached[0];
    @SuppressWarnings("unchecked")
    Map<Integer, Variable> lv = (Map<Integer, Variable>) cached[1];
    for (Variable v : lv.values()) {
      v.weight(0);
    }
    long truth = 0;
    for (int v : objVars) {
      Objects.requireNonNull(lv.get(v)).weight(1); // every objective variable is in the model
      truth += trueValue(v);
    }
    Optimisation.Result min = m.minimise();
    Optimisation.Result max = m.maximise();
    double lower = min.getState().isFeasible() ? min.getValue() : truth;
    double upper =
        max.getState() == Optimisation.State.UNBOUNDED ? Double.POSITIVE_INFINITY
            : (max.getState().isFeasible() ? max.getValue() : truth);
    return new double[] {clean(lower), clean(upper)};
  }

  private Object[] build(boolean[] compRoots) {
    ExpressionsBasedModel m = new ExpressionsBasedModel(options());
    Map<Integer, Variable> lv = new HashMap<>();
    for (int v = 0; v < vars.size(); v++) {
      if (compRoots[find(v)]) {
        lv.put(v, m.addVariable("x" + v).lower(0));
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      int[] pos = rows.get(r);
      int[] neg = negRows.get(r);
      int any = pos.length > 0 ? pos[0] : (neg.length > 0 ? neg[0] : -1);
      if (any < 0 || !compRoots[find(any)]) {
        continue;
      }
      long rhs = 0;
      Expression e = m.addExpression("r" + r);
      for (int v : pos) {
        e.add(lv.get(v), 1);
        rhs += trueValue(v);
      }
      for (int v : neg) {
        e.add(lv.get(v), -1);
        rhs -= trueValue(v);
      }
      e.level(rhs);
    }
    return new Object[] {m, lv};
  }

  private static Optimisation.Options options() {
    Optimisation.Options o = new Optimisation.Options();
    o.sparse = SPARSE;
    return o;
  }

  static final @Nullable Boolean SPARSE = null;

  private static double clean(double d) {
    double r = Math.rint(d);
    return Math.abs(d - r) < 1e-6 ? r : d;
  }

  private long trueValue(int v) {
    int[] gc = vars.get(v);
    return p.grids.get(gc[0]).value[gc[1]];
  }
}
