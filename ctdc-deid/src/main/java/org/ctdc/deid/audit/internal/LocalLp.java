package org.ctdc.deid.audit.internal;

import java.util.List;
import org.ctdc.deid.audit.TableAuditException;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.linear.LinearSolver;
import org.jspecify.annotations.Nullable;

/**
 * The linear program of one component: its free cells (local indices 0..n-1, bounds {@code lb..ub}) and
 * the additivity equations that involve them, published cells already moved to the right-hand side.
 *
 * <p>Every answer of the LP solver is checked against the equations and bounds before it is used: an
 * interval end is the value of the cell in a verified feasible table, so a solver that stops early or
 * returns a wrong point can only make an interval narrower (a false failure), never wider (a false pass).
 * When an answer fails the check the LP is solved again from scratch, then with ojAlgo's other simplex
 * implementation; when that fails too the audit stops with a {@link TableAuditException} (fail closed).
 *
 * <p>Bounds are computed with one warm-started ojAlgo solver per direction: the model has an extra
 * variable {@code z} (the objective) and, per target cell t, a row {@code x_t - z - s_t = 0}; the target
 * of the next solve is selected only by changing the bounds of the slacks {@code s_t} ({@code s_t >= 0}
 * makes {@code z <= x_t}), so ojAlgo re-optimises from the previous basis instead of starting over.
 *
 * <p>Not thread-safe.
 */
final class LocalLp {
  private final int n;
  private final int m;
  private final int[] start;
  private final int[] var;
  private final byte[] coef;
  private final double[] rhs;
  private final double[] lb;
  private final double[] ub;
  private final double tol;
  private final double feasTol;
  private final UnionSpace space;
  private final List<Integer> cells;
  private final boolean boxed;
  private final double big;
  /** Simplex iterations allowed per unknown and equation of a cold solve. */
  static final int ITERATIONS_PER_SIZE = 20;

  private LocalLp(int n, int m, int[] start, int[] var, byte[] coef, double[] rhs, double[] lb, double[] ub,
      double tol, UnionSpace space, List<Integer> cells) {
    this.n = n;
    this.m = m;
    this.start = start;
    this.var = var;
    this.coef = coef;
    this.rhs = rhs;
    this.lb = lb;
    this.ub = ub;
    this.tol = tol;
    this.feasTol = 10 * tol;
    this.space = space;
    this.cells = cells;
    boolean b = true;
    double mx = 0;
    for (int i = 0; i < n; i++) {
      b &= Double.isFinite(ub[i]);
      mx = Math.max(mx, ub[i]);
    }
    this.boxed = b;
    this.big = mx + 1;
  }

  /** The LP over the component's equations {@code eqList} with cells mapped by {@code local}. */
  static LocalLp of(Equations eqs, List<Integer> eqList, int[] local, int n, double[] lb, double[] ub, double tol,
      UnionSpace space, List<Integer> cells) {
    int m = eqList.size();
    int nnz = 0;
    for (int k : eqList) {
      nnz += eqs.start[k + 1] - eqs.start[k];
    }
    int[] start = new int[m + 1];
    int[] var = new int[nnz];
    byte[] coef = new byte[nnz];
    double[] rhs = new double[m];
    int p = 0;
    for (int q = 0; q < m; q++) {
      int k = eqList.get(q);
      for (int e = eqs.start[k]; e < eqs.start[k + 1]; e++) {
        var[p] = local[eqs.var[e]];
        coef[p] = eqs.coef[e];
        p++;
      }
      rhs[q] = eqs.rhs[k];
      start[q + 1] = p;
    }
    return new LocalLp(n, m, start, var, coef, rhs, lb, ub, tol, space, cells);
  }

  /**
   * Whether {@code x} is a feasible table of the component: every equation holds and every cell lies in its
   * bounds, within the tolerance.
   */
  boolean feasible(double[] x) {
    for (int i = 0; i < n; i++) {
      if (!(x[i] >= lb[i] - feasTol && x[i] <= ub[i] + feasTol)) {
        return false;
      }
    }
    for (int q = 0; q < m; q++) {
      double s = -rhs[q];
      for (int p = start[q]; p < start[q + 1]; p++) {
        s += coef[p] * x[var[p]];
      }
      if (!(Math.abs(s) <= feasTol)) {
        return false;
      }
    }
    return true;
  }

  /** Widens the seen ranges {@code lo..hi} by a verified point. */
  void harvest(double[] x, double[] lo, double[] hi) {
    for (int i = 0; i < n; i++) {
      lo[i] = Math.min(lo[i], x[i]);
      hi[i] = Math.max(hi[i], x[i]);
    }
  }

  private Variable[] addCells(ExpressionsBasedModel model) {
    Variable[] x = new Variable[n];
    for (int i = 0; i < n; i++) {
      x[i] = model.addVariable("x" + i).lower(lb[i]);
      if (Double.isFinite(ub[i])) {
        x[i].upper(ub[i]);
      }
    }
    for (int q = 0; q < m; q++) {
      Expression e = model.addExpression("e" + q);
      for (int p = start[q]; p < start[q + 1]; p++) {
        e.set(x[var[p]], (long) coef[p]);
      }
      e.level(rhs[q]);
    }
    return x;
  }

  /**
   * Solver options: the default (ojAlgo's dual/phased simplex) or its older primal tableau simplex, both with
   * a deterministic iteration limit ({@value #ITERATIONS_PER_SIZE} per unknown and equation) so that a
   * model the solver cannot handle ends in a clear error rather than hours of work.
   */
  private Optimisation.Options options(boolean primal) {
    Optimisation.Options o = new Optimisation.Options();
    o.iterations_abort = (int) Math.min(Integer.MAX_VALUE, ITERATIONS_PER_SIZE * (long) (n + m + 1));
    if (primal) {
      o.linear(new LinearSolver.Configuration().primal());
    }
    return o;
  }

  private double @Nullable [] point(Optimisation.Result r) {
    if (!r.getState().isFeasible() || r.size() < n) {
      return null;
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.doubleValue(i);
    }
    return feasible(x) ? x : null;
  }

  /**
   * A verified feasible table minimising the sum of the targets (cold solve, then the other simplex).
   *
   * @throws TableAuditException when neither solve yields a verified feasible table
   */
  double[] minimiseSum(int[] targets, AuditEngine.Stats stats) {
    Optimisation.State[] states = new Optimisation.State[2];
    for (int attempt = 0; attempt < 2; attempt++) {
      ExpressionsBasedModel model = new ExpressionsBasedModel(options(attempt == 1));
      Variable[] x = addCells(model);
      for (int j : targets) {
        x[j].weight(1);
      }
      Optimisation.Result r = model.minimise();
      stats.lps++;
      states[attempt] = r.getState();
      double[] p = point(r);
      if (p != null) {
        return p;
      }
      stats.rejected++;
    }
    String where = space.describe(cells.get(targets.length > 0 ? targets[0] : 0));
    if (states[0] == Optimisation.State.INFEASIBLE && states[1] == Optimisation.State.INFEASIBLE) {
      throw new TableAuditException("published tables are inconsistent: no non-negative table has the published"
          + " values around cell " + where + " (or the LP solver failed on this component of " + n
          + " unknowns and " + m + " equations; the audit does not pass what it could not solve)");
    }
    throw new TableAuditException("the LP solver failed (" + states[0] + ", " + states[1] + ") on the component"
        + " of cell " + where + " (" + n + " unknowns, " + m + " equations): no verified feasible table;"
        + " the audit does not pass what it could not solve");
  }

  /**
   * Computes the minimum (or maximum) of each cell in {@code js} into {@code out}, skipping a bound already
   * reached by a verified point ({@code lo}/{@code hi}, updated by every solution).
   */
  void bounds(List<Integer> js, boolean minimise, double[] lo, double[] hi, double[] out, AuditEngine.Stats stats) {
    Warm warm = null;
    for (int idx = 0; idx < js.size(); idx++) {
      stats.ticker.check();
      int j = js.get(idx);
      if (minimise ? lo[j] <= lb[j] + tol : Double.isFinite(ub[j]) && hi[j] >= ub[j] - tol) {
        out[j] = minimise ? lb[j] : ub[j];
        continue;
      }
      double[] x = null;
      if (boxed) {
        if (warm == null) {
          warm = new Warm(js.subList(idx, js.size()), minimise);
        }
        x = warm.solve(j, stats);
        if (x == null) {
          stats.rejected++;
          warm = null;
        }
      }
      if (x == null) {
        if (!minimise && !Double.isFinite(ub[j]) && unboundedRay(j, stats)) {
          out[j] = Double.POSITIVE_INFINITY;
          continue;
        }
        x = cold(j, minimise, stats);
      }
      harvest(x, lo, hi);
      out[j] = AuditEngine.snap(x[j], tol);
    }
  }

  private double[] cold(int j, boolean minimise, AuditEngine.Stats stats) {
    Optimisation.State[] states = new Optimisation.State[2];
    for (int attempt = 0; attempt < 2; attempt++) {
      ExpressionsBasedModel model = new ExpressionsBasedModel(options(attempt == 1));
      Variable[] x = addCells(model);
      x[j].weight(1);
      Optimisation.Result r = minimise ? model.minimise() : model.maximise();
      stats.lps++;
      states[attempt] = r.getState();
      double[] p = point(r);
      if (p != null) {
        return p;
      }
      stats.rejected++;
    }
    throw new TableAuditException("the LP solver failed (" + states[0] + ", " + states[1] + ") on cell "
        + space.describe(cells.get(j)) + " (" + n + " unknowns, " + m + " equations): no verified solution;"
        + " the audit does not pass what it could not solve");
  }

  /**
   * Whether cell {@code j} is unbounded above: a verified ray {@code d >= 0} with {@code A d = 0},
   * {@code d = 0} on every cell with a finite upper bound, and {@code d_j > 0}.
   */
  private boolean unboundedRay(int j, AuditEngine.Stats stats) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] d = new Variable[n];
    for (int i = 0; i < n; i++) {
      d[i] = model.addVariable("d" + i).lower(0).upper(Double.isFinite(ub[i]) ? 0 : 1);
    }
    for (int q = 0; q < m; q++) {
      Expression e = model.addExpression("e" + q);
      for (int p = start[q]; p < start[q + 1]; p++) {
        e.set(d[var[p]], (long) coef[p]);
      }
      e.level(0);
    }
    d[j].weight(1);
    Optimisation.Result r = model.maximise();
    stats.lps++;
    if (!r.getState().isFeasible() || r.size() < n) {
      return false;
    }
    double[] ray = new double[n];
    for (int i = 0; i < n; i++) {
      ray[i] = r.doubleValue(i);
      if (ray[i] < -1e-9 || (Double.isFinite(ub[i]) && Math.abs(ray[i]) > 1e-9)) {
        return false;
      }
    }
    for (int q = 0; q < m; q++) {
      double s = 0;
      for (int p = start[q]; p < start[q + 1]; p++) {
        s += coef[p] * ray[var[p]];
      }
      if (Math.abs(s) > 1e-9) {
        return false;
      }
    }
    return ray[j] > 1e-6;
  }

  /**
   * The warm-started solver of one direction over a list of targets. Cells fixed by their bounds are
   * constants of the model (ojAlgo would drop them from the solver and shift its indices).
   */
  private final class Warm {
    private final int[] column;
    private final int[] slackOf;
    private final LinearSolver solver;
    private final boolean minimise;
    private int active = -1;

    Warm(List<Integer> targets, boolean minimise) {
      this.minimise = minimise;
      ExpressionsBasedModel model = new ExpressionsBasedModel();
      column = new int[n];
      Variable[] x = new Variable[n];
      int cols = 0;
      for (int i = 0; i < n; i++) {
        if (ub[i] > lb[i]) {
          x[i] = model.addVariable("x" + i).lower(lb[i]).upper(ub[i]);
          column[i] = cols++;
        } else {
          column[i] = -1;
        }
      }
      for (int q = 0; q < m; q++) {
        Expression e = model.addExpression("e" + q);
        double level = rhs[q];
        for (int p = start[q]; p < start[q + 1]; p++) {
          if (x[var[p]] != null) {
            e.set(x[var[p]], (long) coef[p]);
          } else {
            level -= coef[p] * lb[var[p]];
          }
        }
        e.level(level);
      }
      Variable z = model.addVariable("z").lower(0).upper(big).weight(minimise ? 1 : -1);
      slackOf = new int[n];
      java.util.Arrays.fill(slackOf, -1);
      int k = 0;
      for (int t : targets) {
        if (slackOf[t] >= 0 || x[t] == null) {
          continue;
        }
        Variable s = model.addVariable("s" + k).lower(-big).upper(big);
        Expression e = model.addExpression("t" + k);
        e.set(x[t], 1);
        e.set(z, -1);
        e.set(s, -1);
        e.level(0);
        slackOf[t] = cols + 1 + k;
        k++;
      }
      solver = LinearSolver.newSolver(model);
    }

    /** Optimises towards cell j's bound; a verified point, or null. */
    double @Nullable [] solve(int j, AuditEngine.Stats stats) {
      if (slackOf[j] < 0) {
        return null;
      }
      if (active >= 0) {
        solver.updateRange(slackOf[active], -big, big);
      }
      // minimise z with z >= x_j (s_j <= 0), or maximise z with z <= x_j (s_j >= 0)
      solver.updateRange(slackOf[j], minimise ? -big : 0, minimise ? 0 : big);
      active = j;
      Optimisation.Result r = solver.solve();
      stats.lps++;
      stats.warm++;
      if (!r.getState().isFeasible()) {
        return null;
      }
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = column[i] < 0 ? lb[i] : r.doubleValue(column[i]);
      }
      return feasible(x) ? x : null;
    }
  }
}
