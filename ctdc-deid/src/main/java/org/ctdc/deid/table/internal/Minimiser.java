package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.deid.table.CellStatus;
import org.jspecify.annotations.Nullable;

/**
 * The minimisation pass after secondary suppression: each secondary cell is published again, one at a time,
 * and the release is checked in full by {@link IntervalCheck} (every primary's LP attacker interval against
 * the protection the rules require); when some primary becomes exposed the cell is suppressed again. The
 * hypercube search protects each primary by its own pattern and only reuses cells by chance, so on
 * hierarchical tables several patterns often protect the same primaries twice over; this pass removes the
 * cells that the attacker's whole system of equations does not need.
 *
 * <p>Order ("cheapest first"): the hypercube search suppresses at a cost of value + 1 per cell, so the
 * suppressions that cost the most information are tried first — largest value first (for a magnitude table
 * the cell's sum, for a count table its count), then by table and cell index. The cell whose publication
 * tells readers the most is released first and the cheapest suppressions are kept, which is also the
 * preference of the Gauss method (publish the largest cells). The order depends only on the true values
 * and cell positions, never on the order of the records, so the pass is deterministic.
 *
 * <p>Bounded work: the pass runs only when the attacker's system is an exact LP (at most {@code lpLimit}
 * variables, the suppressed and unpublished inner cells); otherwise the release keeps the hypercube witnesses
 * that the witness check verifies, and the pass is skipped. A candidate is checked primary by primary (two
 * LPs each, on ojAlgo models cached per connected component), the primary that rejected the previous
 * candidate first and then those sharing most coordinates with the candidate, so a rejection usually costs
 * one or two intervals and an acceptance one per primary. The pass computes at most {@link #PASS_WORK}
 * intervals; when they are used up it stops and keeps what it has removed (each removal was checked), and
 * the report says it stopped. The work is counted, not timed, so the result does not depend on the machine.
 *
 * <p>Second start: when the table is small ({@link #FULL_START_WORK}), the pass is also run from "every
 * published cell that is not primary or forced suppressed", which makes it Gauss's greedy rule (publish the
 * largest cells whenever the primaries stay protected) checked by the LP; the release with fewer secondary
 * cells is kept (ties: the smaller suppressed total, then the hypercube start).
 *
 * <p>Finally the whole {@link IntervalCheck#intervals()} must pass; if a rule only the whole check applies
 * rejects the result, the release of the hypercube search is kept unchanged.
 *
 * <p>Safety is monotone: publishing a cell only adds equations, so a cell whose publication exposes a primary
 * would still expose it after later removals; every kept removal was checked with the full system, so the
 * final release passes the same check. Not thread-safe (it changes the statuses of the problem it is given).
 */
final class Minimiser {
  private Minimiser() {}

  /**
   * What the pass did.
   *
   * @param ran whether it ran (false: the LP was larger than the limit)
   * @param variables the LP variables before the pass
   * @param tried secondary cells tried (a cell shared by linked tables once)
   * @param secondaries per table, {secondary cells before the pass, after it}
   */
  record Outcome(boolean ran, boolean complete, int variables, int tried, int[][] secondaries) {}

  /** The largest number of attacker intervals the pass computes (from the hypercube search's release). */
  static final int PASS_WORK = 2_000;

  /** The largest number of intervals (candidates × primaries) of the second start. */
  static final long FULL_START_WORK = 1_000;

  /** Work done and left. */
  private static final class Work {
    int tried;
    int left;
    boolean stopped;

    Work(int left) {
      this.left = left;
    }
  }

  /**
   * Runs the pass on a problem whose secondary suppression is complete.
   *
   * @param p the linked tables, statuses after the hypercube search
   * @param lpLimit the largest LP for which the pass runs
   * @param ticker checked at every candidate
   * @return what the pass did
   */
  static Outcome run(Problem p, int lpLimit, Ticker ticker) {
    int vars = new IntervalCheck(p).variableCount();
    if (vars > lpLimit) {
      return new Outcome(false, false, vars, 0, new int[p.grids.size()][2]);
    }
    CellStatus[][] hyper = snapshot(p);
    String[][] hyperReasons = reasons(p);
    Work work = new Work(PASS_WORK);
    minimise(p, ticker, false, work);
    CellStatus[][] fromHypercube = snapshot(p);
    String[][] fromHypercubeReasons = reasons(p);
    if (fullStart(p, lpLimit)) {
      Work second = new Work((int) FULL_START_WORK);
      minimise(p, ticker, true, second);
      work.tried += second.tried;
      if (second.stopped || !better(p, snapshot(p), fromHypercube)) {
        restore(p, fromHypercube, fromHypercubeReasons);
      }
    } else {
      // the second start was not run, or its starting point was already unsafe (a forced cell)
      restore(p, fromHypercube, fromHypercubeReasons);
    }
    for (IntervalCheck.Interval i : new IntervalCheck(p).intervals()) {
      if (i.exposed()) {
        // a rule that only the whole check applies: keep the hypercube search's release
        restore(p, hyper, hyperReasons);
        break;
      }
    }
    int[][] counts = new int[p.grids.size()][2];
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        counts[gi][0] += hyper[gi][c] == CellStatus.SECONDARY ? 1 : 0;
        counts[gi][1] += g.status[c] == CellStatus.SECONDARY ? 1 : 0;
      }
    }
    return new Outcome(true, !work.stopped, vars, work.tried, counts);
  }

  /**
   * The second start, tried when the table is small enough: every published cell that is not primary or
   * forced suppressed, then published again largest first as above. From there the pass is Gauss's greedy
   * rule (publish the largest cells whenever the primaries stay protected), checked by the LP; it often needs
   * fewer cells than the hypercubes on hierarchical tables, whose patterns are built one primary at a time.
   */
  private static boolean fullStart(Problem p, int lpLimit) {
    long inner = 0;
    long candidates = 0;
    long primaries = 0;
    for (Grid g : p.grids) {
      for (int c = 0; c < g.cells; c++) {
        inner += g.isInner(c) ? 1 : 0;
        candidates += g.status[c] == CellStatus.PUBLISHABLE || g.status[c] == CellStatus.EMPTY ? 1 : 0;
        primaries += g.status[c] == CellStatus.PRIMARY ? 1 : 0;
      }
    }
    if (inner > lpLimit || candidates * primaries > FULL_START_WORK) {
      return false;
    }
    for (Grid g : p.grids) {
      for (int c = 0; c < g.cells; c++) {
        CellStatus s = g.status[c];
        if (s == CellStatus.PUBLISHABLE || s == CellStatus.EMPTY) {
          p.suppress(g, c, FULL_START);
        }
      }
    }
    for (IntervalCheck.Interval i : new IntervalCheck(p).intervals()) {
      if (i.exposed()) {
        return false;
      }
    }
    return true;
  }

  static final String FULL_START = "kept by the minimisation pass: publishing it would expose primary ";

  /** Whether statuses a suppress fewer published cells than b (ties: a smaller suppressed total). */
  private static boolean better(Problem p, CellStatus[][] a, CellStatus[][] b) {
    long[] ka = weight(p, a);
    long[] kb = weight(p, b);
    return ka[0] < kb[0] || (ka[0] == kb[0] && ka[1] < kb[1]);
  }

  private static long[] weight(Problem p, CellStatus[][] st) {
    long n = 0;
    long v = 0;
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        if (st[gi][c] == CellStatus.SECONDARY) {
          n++;
          v += g.value[c];
        }
      }
    }
    return new long[] {n, v};
  }

  private static CellStatus[][] snapshot(Problem p) {
    CellStatus[][] out = new CellStatus[p.grids.size()][];
    for (int gi = 0; gi < out.length; gi++) {
      out[gi] = p.grids.get(gi).status.clone();
    }
    return out;
  }

  private static String[][] reasons(Problem p) {
    String[][] out = new String[p.grids.size()][];
    for (int gi = 0; gi < out.length; gi++) {
      out[gi] = p.grids.get(gi).reason.clone();
    }
    return out;
  }

  private static void restore(Problem p, CellStatus[][] st, String[][] why) {
    for (int gi = 0; gi < st.length; gi++) {
      Grid g = p.grids.get(gi);
      System.arraycopy(st[gi], 0, g.status, 0, g.cells);
      System.arraycopy(why[gi], 0, g.reason, 0, g.cells);
    }
  }

  /**
   * Publishes secondary cells again, largest first, while the check passes.
   *
   * @param explain whether a kept cell's reason becomes the primary its publication would expose
   */
  private static void minimise(Problem p, Ticker ticker, boolean explain, Work work) {
    List<long[]> cand = secondariesLargestFirst(p);
    List<int[]> primaries = new ArrayList<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        if (g.status[c] == CellStatus.PRIMARY) {
          primaries.add(new int[] {gi, c});
        }
      }
    }
    int[] lastFailure = null;
    for (long[] cd : cand) {
      ticker.check();
      if (work.left <= 0) {
        work.stopped = true;
        return;
      }
      work.tried++;
      Grid g = p.grids.get((int) cd[1]);
      int c = (int) cd[2];
      List<int[]> holders = holders(p, g, c);
      String[] reasons = publish(p, holders);
      IntervalCheck.Interval exposed = firstExposed(p, primaries, lastFailure, g, c, work);
      if (exposed == null) {
        continue;
      }
      lastFailure = new int[] {exposed.grid(), exposed.cell()};
      if (explain) {
        java.util.Arrays.fill(reasons, FULL_START + p.grids.get(exposed.grid()).label(exposed.cell()));
      }
      suppressAgain(p, holders, reasons);
    }
  }

  /**
   * The first exposed primary of the current statuses, or null when every primary is protected. The primary
   * that rejected the previous candidate is checked first, then the primaries of the candidate's table that
   * share the most coordinates with it (the likeliest to be exposed), so a rejection usually costs one or
   * two intervals; an acceptance checks every primary.
   */
  private static IntervalCheck.@Nullable Interval firstExposed(Problem p, List<int[]> primaries,
      int @Nullable [] lastFailure, Grid g,
      int c, Work work) {
    IntervalCheck chk = new IntervalCheck(p);
    int gc = p.grids.indexOf(g);
    List<int[]> order = new ArrayList<>(primaries);
    order.sort(Comparator.comparingInt((int[] q) -> lastFailure != null && q[0] == lastFailure[0]
            && q[1] == lastFailure[1] ? 0 : 1)
        .thenComparingInt(q -> -shared(g, c, q[0] == gc ? q[1] : -1))
        .thenComparingInt(q -> q[0]).thenComparingInt(q -> q[1]));
    for (int[] q : order) {
      work.left--;
      IntervalCheck.Interval i = chk.interval(q[0], q[1]);
      if (i.exposed()) {
        return i;
      }
    }
    return null;
  }

  /** The number of dimensions on which two cells of a table have the same node (0 for another table). */
  private static int shared(Grid g, int a, int b) {
    if (b < 0) {
      return 0;
    }
    int n = 0;
    for (int d = 0; d < g.h.length; d++) {
      n += g.coord(a, d) == g.coord(b, d) ? 1 : 0;
    }
    return n;
  }

  /**
   * The secondary cells, largest value first, then by table and cell index; a cell shared by linked tables
   * once, under its first table.
   *
   * @return {value, grid, cell} per cell
   */
  static List<long[]> secondariesLargestFirst(Problem p) {
    List<long[]> cand = new ArrayList<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        if (g.status[c] == CellStatus.SECONDARY && firstHolder(p, gi, c)) {
          cand.add(new long[] {g.value[c], gi, c});
        }
      }
    }
    cand.sort(Comparator.comparingLong((long[] a) -> -a[0]).thenComparingLong(a -> a[1])
        .thenComparingLong(a -> a[2]));
    return cand;
  }

  /** @return every table holding the cell, as {grid, cell} */
  static List<int[]> holders(Problem p, Grid g, int c) {
    List<int[]> holders = new ArrayList<>();
    for (int gj = 0; gj < p.grids.size(); gj++) {
      int d = p.counterpart(g, c, p.grids.get(gj));
      if (d >= 0) {
        holders.add(new int[] {gj, d});
      }
    }
    return holders;
  }

  /** Publishes a suppressed cell in every table holding it; @return the reasons it had */
  static String[] publish(Problem p, List<int[]> holders) {
    String[] reasons = new String[holders.size()];
    for (int k = 0; k < holders.size(); k++) {
      Grid y = p.grids.get(holders.get(k)[0]);
      int d = holders.get(k)[1];
      reasons[k] = y.reason[d];
      y.status[d] = y.emptyCell(d) ? CellStatus.EMPTY : CellStatus.PUBLISHABLE;
      y.reason[d] = null;
    }
    return reasons;
  }

  /** Undoes {@link #publish}: the cell is secondary again with the given reasons. */
  static void suppressAgain(Problem p, List<int[]> holders, String[] reasons) {
    for (int k = 0; k < holders.size(); k++) {
      Grid y = p.grids.get(holders.get(k)[0]);
      int d = holders.get(k)[1];
      y.status[d] = CellStatus.SECONDARY;
      y.reason[d] = reasons[k];
    }
  }

  private static boolean firstHolder(Problem p, int gi, int c) {
    Grid g = p.grids.get(gi);
    for (int gj = 0; gj < gi; gj++) {
      if (p.counterpart(g, c, p.grids.get(gj)) >= 0) {
        return false;
      }
    }
    return true;
  }
}
