package org.ctdc.deid.table.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ctdc.deid.table.CellStatus;
import org.ctdc.deid.table.TableException;
import org.jspecify.annotations.Nullable;

/**
 * Secondary suppression by hierarchical hypercubes, across linked tables.
 *
 * <p>For each primary cell c, one option is chosen per (union) dimension: either a single leaf l under c's
 * node (sign +1), or a pair of leaves p under c's node (+1) and q outside it (-1), q taken from the nearest
 * enclosing subtree (siblings first). The tensor product of the options is a direction d over the inner cells
 * of every linked table. A published cell's d-sum is the product over dimensions of the options' sums over
 * its node, so it is non-zero only on the cells whose node in each dimension lies on the path from an
 * option leaf up to (not including) the lowest common ancestor of the pair, or, for a single leaf, on any
 * ancestor of it. If every such cell is suppressed, moving the inner cells along d changes c and no
 * published cell: c is not recomputable, and the non-negativity of the corners bounds how far it may move:
 * the attacker interval contains {@code [v - t-, v + t+]} where t- is the smallest +1 corner and t+ the
 * smallest -1 corner. The option tuple chosen is the valid one (no forced cell in the support, width at
 * least the required width, {@code t+ ≥ UPL} and {@code t- ≥ LPL} for a magnitude primary's protection
 * levels, no singleton of another respondent moved) of least cost: the sum over newly suppressed cells of value + 1, then fewest
 * new cells, then enumeration order (pairs before single leaves, leaves in dimension order).
 *
 * <p>Primaries are processed table by table, inner cells first, then by the number of margins among their
 * coordinates, then by cell order; cells suppressed earlier cost nothing, so later hypercubes reuse them.
 * Not thread-safe.
 */
public final class Hypercube {
  static final int MAX_COUSINS = 12;
  static final int MAX_LEAVES_UNDER = 3;
  static final long MAX_COMBOS = 40_000;

  /**
   * The witness direction of a protected primary.
   *
   * @param grid the primary's table
   * @param cell the primary
   * @param support the inner corners {grid, cell, sign}
   * @param tMinus the smallest +1 corner
   * @param tPlus the smallest -1 corner
   * @param cells the published cells the direction moves (all suppressed), as {@code grid << 32 | cell}
   */
  public record Witness(Grid grid, int cell, List<int[]> support, long tMinus, long tPlus, Set<Long> cells) {}

  record Opt(int[] leaves, int[] signs, int[] nodes, int[] nodeSigns) {
    boolean alt() {
      return leaves.length == 2;
    }
  }

  private final Problem p;
  private final boolean relax;
  private final long[][] marginal;
  private final List<Witness> witnesses = new ArrayList<>();
  /** The primary being protected, and whether its hypercube must move no other singleton. */
  @SuppressWarnings("NullAway.Init") // set by search, which every method reading it runs under
  private Grid curGrid;
  private int curCell;
  @SuppressWarnings("NullAway.Init") // set by search, with curGrid
  private Set<Integer> avoid;
  /** While combining hypercubes: each corner's remaining capacity per direction, and what is still short. */
  private @Nullable Map<Long, Long> residualMinus;
  private @Nullable Map<Long, Long> residualPlus;
  private boolean needUp;
  private boolean needDown;
  /** Whether a hypercube need reach the width only (the last resort; the check then judges the levels). */
  private boolean widthOnly;
  /** Per witness (same index), the singleton respondents it avoids ({@link #ALL}: every other one). */
  private final List<Set<Integer>> avoided = new ArrayList<>();
  /** Avoid every singleton of another respondent. */
  static final Set<Integer> ALL = Set.of(-2);

  /**
   * Prepares the search.
   *
   * @param problem the linked tables with primary statuses applied
   */
  public Hypercube(Problem problem) {
    this(problem, true);
  }

  /**
   * Prepares the search.
   *
   * @param problem the linked tables with primary statuses applied
   * @param relax whether to run the post-pass that publishes secondary cells again where it is safe
   */
  Hypercube(Problem problem, boolean relax) {
    this.relax = relax;
    this.p = problem;
    marginal = new long[p.union.size()][];
    for (int i = 0; i < p.union.size(); i++) {
      Hier hu = p.union.get(i);
      marginal[i] = new long[hu.leafCount];
      for (Grid g : p.grids) {
        int k = indexIn(g, i);
        if (k < 0) {
          continue;
        }
        for (int leaf = 0; leaf < hu.leafCount; leaf++) {
          int cell = 0;
          for (int d = 0; d < g.h.length; d++) {
            cell += (d == k ? leaf : g.h[d].root) * g.stride[d];
          }
          marginal[i][leaf] = g.value[cell];
        }
        break;
      }
    }
  }

  private static int indexIn(Grid g, int unionDim) {
    for (int k = 0; k < g.unionDim.length; k++) {
      if (g.unionDim[k] == unionDim) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Protects every primary cell.
   *
   * @return one witness per protected primary (shared primaries once)
   * @throws TableException naming the cell when no hypercube is valid
   */
  public List<Witness> run() {
    return run(org.ctdc.schema.internal.Ticker.none());
  }

  /**
   * Protects every primary cell, reporting primary cells processed to a ticker (started here with their
   * number) and checking its signal at every primary and every candidate of the post-pass.
   *
   * @param ticker the checkpoints; not ended here
   * @return one witness per protected primary (shared primaries once)
   * @throws TableException naming the cell when no hypercube is valid
   */
  public List<Witness> run(org.ctdc.schema.internal.Ticker ticker) {
    record Prim(int grid, int level, int cell) {}
    List<Prim> prims = new ArrayList<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid g = p.grids.get(gi);
      for (int c = 0; c < g.cells; c++) {
        if (g.status[c] == CellStatus.PRIMARY) {
          prims.add(new Prim(gi, g.level(c), c));
        }
      }
    }
    prims.sort(Comparator.comparingInt(Prim::grid).thenComparingInt(Prim::level).thenComparingInt(Prim::cell));
    Set<Long> done = new HashSet<>();
    ticker.start(prims.size());
    int processed = 0;
    for (Prim pr : prims) {
      ticker.at(processed++);
      if (done.contains(((long) pr.grid << 32) | pr.cell)) {
        continue;
      }
      Grid g = p.grids.get(pr.grid);
      protect(g, pr.cell);
      for (int gi = 0; gi < p.grids.size(); gi++) {
        int d = p.counterpart(g, pr.cell, p.grids.get(gi));
        if (d >= 0) {
          done.add(((long) gi << 32) | d);
        }
      }
    }
    if (relax) {
      relax(ticker);
    }
    return witnesses;
  }

  private static long key(int grid, int cell) {
    return ((long) grid << 32) | cell;
  }

  /**
   * The post-pass against over-suppression: tries to publish each secondary cell again, largest value
   * first (then table, then cell order), and keeps it published when every primary whose witness moved it
   * finds another valid hypercube made only of cells still suppressed. Every witness stays valid (all the
   * published cells it moves are suppressed), so the check that follows verifies the result as before.
   */
  private void relax(org.ctdc.schema.internal.Ticker ticker) {
    List<long[]> cand = Minimiser.secondariesLargestFirst(p);
    for (long[] cd : cand) {
      ticker.check();
      Grid g = p.grids.get((int) cd[1]);
      int c = (int) cd[2];
      List<int[]> holders = Minimiser.holders(p, g, c);
      List<Integer> affected = new ArrayList<>();
      for (int w = 0; w < witnesses.size(); w++) {
        for (int[] hd : holders) {
          if (witnesses.get(w).cells().contains(key(hd[0], hd[1]))) {
            affected.add(w);
            break;
          }
        }
      }
      String[] reasons = Minimiser.publish(p, holders);
      List<Witness> replaced = new ArrayList<>();
      for (int w : affected) {
        Witness old = witnesses.get(w);
        Witness nw = search(old.grid(), old.cell(), 0, false, avoided.get(w), true);
        if (nw == null) {
          replaced = null;
          break;
        }
        replaced.add(nw);
      }
      if (replaced == null) {
        Minimiser.suppressAgain(p, holders, reasons);
      } else {
        for (int k = 0; k < affected.size(); k++) {
          witnesses.set(affected.get(k), replaced.get(k));
        }
      }
    }
    // Explain each remaining secondary by the first primary whose hypercube uses it.
    for (int w = witnesses.size() - 1; w >= 0; w--) {
      Witness wt = witnesses.get(w);
      for (long k : wt.cells()) {
        Grid y = p.grids.get((int) (k >>> 32));
        int d = (int) k;
        if (y.status[d] == CellStatus.SECONDARY) {
          y.reason[d] = "hypercube protecting primary " + wt.grid().label(wt.cell());
        }
      }
    }
  }

  /** The most hypercubes combined to reach a primary's protection levels. */
  static final int MAX_PARTS = 12;

  /**
   * Reaches a primary's levels with several hypercubes when no single one does (a margin's lower level, for
   * instance, can exceed each of its inner cells). Moving the inner cells along the sum of directions changes
   * no published cell; non-negativity holds as long as no corner gives more, over all directions, than its
   * value: each next hypercube is the cheapest that still moves the primary in a direction short of its level,
   * with each corner's capacity reduced by what earlier ones take from it ({@code t} of each is its smallest
   * remaining corner). The interval then contains {@code [v − Σ t−, v + Σ t+]}.
   *
   * @return whether the levels and the width were reached (the hypercubes found on the way stay applied)
   */
  private boolean combine(Grid g, int cell) {
    long upl = g.level[cell];
    long lpl = g.lowerLevel(cell);
    if (upl <= 0 && lpl <= 0) {
      return false;
    }
    long required = p.rules.requiredWidth(g.value[cell]);
    residualMinus = new java.util.HashMap<>();
    residualPlus = new java.util.HashMap<>();
    long up = 0;
    long down = 0;
    try {
      for (int part = 0; part < MAX_PARTS; part++) {
        needUp = up != Long.MAX_VALUE && (up < upl || up + down < required);
        needDown = down < lpl;
        Witness w = search(g, cell, Long.MAX_VALUE, true, ALL, true);
        if (w == null) {
          return false;
        }
        up = w.tPlus() == Long.MAX_VALUE || up == Long.MAX_VALUE ? Long.MAX_VALUE : up + w.tPlus();
        down += w.tMinus() == Long.MAX_VALUE ? 0 : w.tMinus();
        for (int[] c : w.support()) {
          Map<Long, Long> res = c[2] > 0 ? residualMinus : residualPlus;
          long t = c[2] > 0 ? w.tMinus() : w.tPlus();
          long k = key(c[0], c[1]);
          res.put(k, residual(res, c[0], c[1]) - t);
        }
        if (up >= upl && down >= lpl && (up == Long.MAX_VALUE || up + down >= required)) {
          return true;
        }
      }
      return false;
    } finally {
      residualMinus = null;
      residualPlus = null;
    }
  }

  private long residual(Map<Long, Long> res, int grid, int cell) {
    Long r = res.get(key(grid, cell));
    return r != null ? r : p.grids.get(grid).value[cell];
  }

  /**
   * Protects a primary: by the cheapest hypercube that moves no singleton of another respondent; by several
   * that together reach its levels ({@link #combine}); failing both, by the cheapest that reaches the levels
   * at all, or else the width only (the check then decides, and fails the run when the levels are missed);
   * and when that one moves singletons, by the cheapest hypercube at all plus, for each singleton respondent that one moves, the cheapest
   * hypercube that does not move that respondent's cells (so that respondent, knowing its own cells, still
   * cannot narrow the primary). A respondent no hypercube avoids is left to the check, which then fails.
   */
  private void protect(Grid g, int cell) {
    if (search(g, cell, Long.MAX_VALUE, true, ALL, true) != null || combine(g, cell)) {
      return;
    }
    Witness w = search(g, cell, Long.MAX_VALUE, true, Set.of(), true);
    if (w == null) {
      // no hypercube, single or combined, reaches the levels: the cheapest wide enough one, and the check
      // decides whether all the suppressed cells together reach them
      widthOnly = true;
      try {
        w = search(g, cell, Long.MAX_VALUE, true, Set.of(), false);
      } finally {
        widthOnly = false;
      }
    }
    // with apply and not quiet, search throws rather than return null
    for (int r : movedRespondents(Objects.requireNonNull(w))) {
      search(g, cell, Long.MAX_VALUE, true, Set.of(r), true);
    }
  }

  /**
   * The cheapest valid hypercube of a primary whose new cells cost at most {@code bound} (0: only cells
   * already suppressed); with {@code apply}, suppresses its new cells and records its witness.
   *
   * @return the witness, or null when none is valid within the bound (with apply: throws)
   */
  private @Nullable Witness search(Grid g, int cell, long bound, boolean apply, Set<Integer> avoidRespondents, boolean quiet) {
    curGrid = g;
    curCell = cell;
    avoid = avoidRespondents;
    int[] u = p.unionTuple(g, cell);
    int nd = p.union.size();
    List<List<Opt>> opts = new ArrayList<>();
    for (int i = 0; i < nd; i++) {
      opts.add(options(i, u[i]));
    }
    trim(opts);
    long required = p.rules.requiredWidth(g.value[cell]);
    int[] choice = new int[nd];
    int[] best = null;
    long bestCost = bound;
    int bestNew = Integer.MAX_VALUE;
    long[] result = new long[4];
    while (true) {
      Opt[] combo = new Opt[nd];
      for (int i = 0; i < nd; i++) {
        combo[i] = opts.get(i).get(choice[i]);
      }
      if (eval(combo, required, bestCost, result, null)) {
        if (best == null || result[0] < bestCost || (result[0] == bestCost && result[1] < bestNew)) {
          bestCost = result[0];
          bestNew = (int) result[1];
          best = choice.clone();
        }
      }
      int i = nd - 1;
      while (i >= 0 && ++choice[i] == opts.get(i).size()) {
        choice[i] = 0;
        i--;
      }
      if (i < 0) {
        break;
      }
    }
    if (best == null) {
      if (!apply || quiet) {
        return null;
      }
      throw new TableException("secondary suppression: primary cell " + g.label(cell)
          + " cannot be protected: every suppression pattern would need a forced-publish cell or is too narrow");
    }
    Opt[] combo = new Opt[nd];
    for (int i = 0; i < nd; i++) {
      combo[i] = opts.get(i).get(best[i]);
    }
    List<int[]> support = new ArrayList<>();
    eval(combo, required, Long.MAX_VALUE, result, support);
    String why = "hypercube protecting primary " + g.label(cell);
    Set<Long> cells = new HashSet<>();
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid x = p.grids.get(gi);
      int gx = gi;
      forSupportCells(x, combo, c -> {
        if (apply && !x.suppressed(c)) {
          p.suppress(x, c, why);
        }
        cells.add(key(gx, c));
      });
    }
    Witness w = new Witness(g, cell, support, result[2], result[3], cells);
    if (apply) {
      witnesses.add(w);
      avoided.add(avoidRespondents);
    }
    return w;
  }

  /** Evaluates a combination: result = {cost, new cells, tMinus, tPlus}; false when invalid or too costly. */
  private boolean eval(Opt[] combo, long required, long bound, long[] result, @Nullable List<int[]> support) {
    long cost = 0;
    long fresh = 0;
    long tMinus = Long.MAX_VALUE;
    long tPlus = Long.MAX_VALUE;
    for (int gi = 0; gi < p.grids.size(); gi++) {
      Grid x = p.grids.get(gi);
      if (!active(x, combo)) {
        continue;
      }
      int n = x.h.length;
      // support cells: product over x's dims of the option nodes that x publishes
      int[][] nodes = new int[n][];
      for (int k = 0; k < n; k++) {
        Opt o = combo[x.unionDim[k]];
        int cnt = 0;
        int[] tmp = new int[o.nodes.length];
        for (int node : o.nodes) {
          if (x.pub[k][node]) {
            tmp[cnt++] = node;
          }
        }
        nodes[k] = java.util.Arrays.copyOf(tmp, cnt);
        if (cnt == 0) {
          nodes = null;
          break;
        }
      }
      if (nodes != null) {
        int[] idx = new int[n];
        outer:
        while (true) {
          int c = 0;
          for (int k = 0; k < n; k++) {
            c += nodes[k][idx[k]] * x.stride[k];
          }
          CellStatus s = x.status[c];
          if (s == CellStatus.FORCED_PUBLISH || movesSingleton(x, c)) {
            return false;
          }
          if (s != null && s != CellStatus.PRIMARY && s != CellStatus.SECONDARY) {
            cost += x.value[c] + 1;
            fresh++;
            if (cost > bound) {
              return false;
            }
          }
          int k = n - 1;
          while (k >= 0 && ++idx[k] == nodes[k].length) {
            idx[k] = 0;
            k--;
          }
          if (k < 0) {
            break outer;
          }
        }
      }
      // inner corners: product of option leaves
      int[] idx = new int[n];
      while (true) {
        int c = 0;
        int sign = 1;
        for (int k = 0; k < n; k++) {
          Opt o = combo[x.unionDim[k]];
          c += o.leaves[idx[k]] * x.stride[k];
          sign *= o.signs[idx[k]];
        }
        if (movesSingleton(x, c)) {
          return false;
        }
        if (sign > 0) {
          tMinus = Math.min(tMinus, residualMinus == null ? x.value[c] : residual(residualMinus, gi, c));
        } else {
          tPlus = Math.min(tPlus, residualPlus == null ? x.value[c] : residual(residualPlus, gi, c));
        }
        if (support != null) {
          support.add(new int[] {gi, c, sign});
        }
        int k = n - 1;
        while (k >= 0 && ++idx[k] == combo[x.unionDim[k]].leaves.length) {
          idx[k] = 0;
          k--;
        }
        if (k < 0) {
          break;
        }
      }
    }
    long width = (tMinus == Long.MAX_VALUE || tPlus == Long.MAX_VALUE) ? Long.MAX_VALUE : tMinus + tPlus;
    result[0] = cost;
    result[1] = fresh;
    result[2] = tMinus;
    result[3] = tPlus;
    if (residualMinus != null) {
      return (needUp && tPlus >= 1) || (needDown && tMinus >= 1 && tMinus != Long.MAX_VALUE);
    }
    return width >= required
        && (widthOnly || (tPlus >= curGrid.level[curCell] && tMinus >= curGrid.lowerLevel(curCell)));
  }

  /** The singleton respondents other than its primary's whose cells a witness moves, in cell order. */
  static Set<Integer> movedRespondents(Problem p, Witness w) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (long k : w.cells()) {
      Grid y = p.grids.get((int) (k >>> 32));
      int d = (int) k;
      if (y == w.grid() && y.otherSingleton(d, w.cell())) {
        out.add(y.respondent[d]);
      }
    }
    for (int[] s : w.support()) {
      Grid y = p.grids.get(s[0]);
      if (y == w.grid() && y.otherSingleton(s[1], w.cell())) {
        out.add(y.respondent[s[1]]);
      }
    }
    return out;
  }

  private Set<Integer> movedRespondents(Witness w) {
    return movedRespondents(p, w);
  }

  /**
   * Whether moving this cell defeats the hypercube against a singleton attacker: the cell has one
   * contributor other than the primary's own respondent, who knows the cell's value exactly.
   */
  private boolean movesSingleton(Grid x, int c) {
    if (avoid.isEmpty() || x != curGrid || !x.otherSingleton(c, curCell)) {
      return false;
    }
    return avoid == ALL || avoid.contains(x.respondent[c]);
  }

  private static boolean active(Grid x, Opt[] combo) {
    for (int i = 0; i < combo.length; i++) {
      boolean in = false;
      for (int k : x.unionDim) {
        in |= k == i;
      }
      if (!in && combo[i].alt()) {
        return false;
      }
    }
    return true;
  }

  private void forSupportCells(Grid x, Opt[] combo, java.util.function.IntConsumer f) {
    if (!active(x, combo)) {
      return;
    }
    int n = x.h.length;
    List<int[]> lists = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Opt o = combo[x.unionDim[k]];
      boolean[] pub = x.pub[k];
      lists.add(java.util.Arrays.stream(o.nodes).filter(node -> pub[node]).toArray());
    }
    for (int[] l : lists) {
      if (l.length == 0) {
        return;
      }
    }
    int[] idx = new int[n];
    while (true) {
      int c = 0;
      for (int k = 0; k < n; k++) {
        c += lists.get(k)[idx[k]] * x.stride[k];
      }
      if (x.isPublished(c)) {
        f.accept(c);
      }
      int k = n - 1;
      while (k >= 0 && ++idx[k] == lists.get(k).length) {
        idx[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }

  private List<Opt> options(int dim, int node) {
    Hier h = p.union.get(dim);
    List<Opt> out = new ArrayList<>();
    int[] under = leavesUnder(dim, node);
    if (node != h.root) {
      int[] cousins = cousins(h, node);
      int ps = h.isLeaf(node) ? 1 : Math.min(2, under.length);
      for (int pi = 0; pi < ps; pi++) {
        for (int q : cousins) {
          out.add(pair(h, under[pi], q));
        }
      }
    }
    for (int l : under) {
      out.add(single(h, l));
    }
    return out;
  }

  private int[] leavesUnder(int dim, int node) {
    Hier h = p.union.get(dim);
    if (h.isLeaf(node)) {
      return new int[] {node};
    }
    List<Integer> ls = new ArrayList<>();
    for (int l = h.lo[node]; l < h.hi[node]; l++) {
      ls.add(l);
    }
    long[] m = marginal[dim];
    ls.sort(Comparator.comparingLong((Integer l) -> -m[l]).thenComparingInt(l -> l));
    // while combining hypercubes for a level, every leaf may give its share (up to MAX_COUSINS of them)
    return ls.stream().limit(residualMinus == null ? MAX_LEAVES_UNDER : MAX_COUSINS).mapToInt(Integer::intValue)
        .toArray();
  }

  private static int[] cousins(Hier h, int node) {
    int a = h.parent[node];
    while (a >= 0 && h.hi[a] - h.lo[a] == h.hi[node] - h.lo[node]) {
      a = h.parent[a];
    }
    if (a < 0) {
      return new int[0];
    }
    List<Integer> out = new ArrayList<>();
    // siblings' subtrees nearest first: leaves after the node, then before it
    for (int l = h.hi[node]; l < h.hi[a] && out.size() < MAX_COUSINS; l++) {
      out.add(l);
    }
    for (int l = h.lo[node] - 1; l >= h.lo[a] && out.size() < MAX_COUSINS; l--) {
      out.add(l);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Opt single(Hier h, int leaf) {
    List<Integer> nodes = new ArrayList<>();
    for (int n = leaf; n >= 0; n = h.parent[n]) {
      nodes.add(n);
    }
    int[] ns = nodes.stream().mapToInt(Integer::intValue).toArray();
    int[] signs = new int[ns.length];
    java.util.Arrays.fill(signs, 1);
    return new Opt(new int[] {leaf}, new int[] {1}, ns, signs);
  }

  private static Opt pair(Hier h, int pLeaf, int qLeaf) {
    List<Integer> nodes = new ArrayList<>();
    List<Integer> signs = new ArrayList<>();
    for (int n = pLeaf; !h.covers(n, qLeaf); n = h.parent[n]) {
      nodes.add(n);
      signs.add(1);
    }
    for (int n = qLeaf; !h.covers(n, pLeaf); n = h.parent[n]) {
      nodes.add(n);
      signs.add(-1);
    }
    return new Opt(
        new int[] {pLeaf, qLeaf},
        new int[] {1, -1},
        nodes.stream().mapToInt(Integer::intValue).toArray(),
        signs.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void trim(List<List<Opt>> opts) {
    while (true) {
      long prod = 1;
      int largest = -1;
      for (int i = 0; i < opts.size(); i++) {
        prod *= opts.get(i).size();
        if (largest < 0 || opts.get(i).size() > opts.get(largest).size()) {
          largest = i;
        }
      }
      if (prod <= MAX_COMBOS || opts.get(largest).size() <= 2) {
        return;
      }
      List<Opt> l = opts.get(largest);
      // drop the last pair option, keep the single-leaf fallbacks
      int drop = -1;
      for (int k = l.size() - 1; k >= 0; k--) {
        if (l.get(k).alt()) {
          drop = k;
          break;
        }
      }
      if (drop < 0) {
        return;
      }
      opts.set(largest, new ArrayList<>(l));
      opts.get(largest).remove(drop);
    }
  }
}
