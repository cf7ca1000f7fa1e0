package org.ctdc.deid.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ctdc.schema.internal.Ticker;
import org.jspecify.annotations.Nullable;

/**
 * Optimal full-domain generalisation over the lattice of hierarchy levels (within per-variable bounds).
 *
 * <p>Phase 1, when feasibility is monotone (k-anonymity and distinct l-diversity with any suppression
 * limit, every model without suppression): a Flash-style classification. Nodes are visited bottom-up in
 * the stable order (level sum, then level vector); from each unclassified node a greedy path leads upwards
 * through unclassified nodes (raising the first quasi-identifier that can be raised), and a binary search
 * on the path evaluates nodes; a feasible node tags its whole up-set feasible, an infeasible one its whole
 * down-set infeasible.
 *
 * <p>Phase 2: branch and bound in the same bottom-up order. Every node carries a lower bound of the metric
 * valid for itself and every node above it (the metric's node-level bound, the bound its evaluated table
 * gives, the largest bound of its predecessors). A node whose bound exceeds the best value found is not
 * evaluated; ties go to the earlier node in the order, so the result is the first node of least metric in
 * (metric, level sum, level vector) order. Single-threaded, hence identical for any thread count.
 *
 * <p>Not thread-safe; one search per engine at a time.
 */
public final class Search {
  /** Relative difference below which two metric values count as equal (rounding of sums). */
  static final double TIE = 1e-12;
  static final byte UNKNOWN = 0;
  static final byte FEASIBLE = 1;
  static final byte INFEASIBLE = 2;

  private final Engine engine;
  private final int m;
  private final int[] lo;
  private final int[] hi;
  private final int[] stride;
  private final int size;
  private final long nodeBudget;
  private final long deadline;
  private final byte[] status;
  private final double[] bound;
  private final double[] value;
  private final boolean[] evaluated;
  private final int[] order;
  private final List<ClassTable> cache = new ArrayList<>();
  private long cachedEntries;
  private int evaluations;
  private boolean exhausted;
  private final Ticker ticker;
  /** Nodes counted in the progress: classified, or passed by the bottom-up pass. */
  private final boolean[] counted;
  private long settled;

  /** The outcome of a search. */
  public static final class Outcome {
    /** The chosen node's levels, or null if none is feasible. */
    public final int @Nullable [] levels;
    /** The chosen node's evaluation, or null if none is feasible. */
    final @Nullable NodeEval eval;
    /** Whether the result is proven optimal. */
    public final boolean optimal;
    /** Nodes whose table was evaluated. */
    public final int evaluations;
    /** Lattice size within the bounds. */
    public final int latticeSize;
    /** Per node: 1 feasible, 2 infeasible, 0 unknown. */
    public final byte[] status;
    /** Per node: metric value or NaN. */
    public final double[] values;

    Outcome(int @Nullable [] levels, @Nullable NodeEval eval, boolean optimal, int evaluations, int latticeSize, byte[] status,
        double[] values) {
      this.levels = levels;
      this.eval = eval;
      this.optimal = optimal;
      this.evaluations = evaluations;
      this.latticeSize = latticeSize;
      this.status = status;
      this.values = values;
    }
  }

  /**
   * Sets up a search.
   *
   * @param engine the prepared problem
   * @param lo the least level per quasi-identifier
   * @param hi the greatest level per quasi-identifier
   * @param nodeBudget the most node evaluations, 0 for no limit
   * @param deadlineNanos a {@link System#nanoTime()} deadline, or {@link Long#MAX_VALUE}
   */
  public Search(Engine engine, int[] lo, int[] hi, long nodeBudget, long deadlineNanos) {
    this(engine, lo, hi, nodeBudget, deadlineNanos, Ticker.none());
  }

  /**
   * Sets up a search that reports progress (stage {@code "searching"}: nodes classified or passed, out of
   * the lattice size) and checks a cancellation signal at every node evaluation and every 4096 nodes passed.
   *
   * @param engine the prepared problem
   * @param lo the least level per quasi-identifier
   * @param hi the greatest level per quasi-identifier
   * @param nodeBudget the most node evaluations, 0 for no limit
   * @param deadlineNanos a {@link System#nanoTime()} deadline, or {@link Long#MAX_VALUE}
   * @param ticker the progress and cancellation checkpoints
   */
  public Search(Engine engine, int[] lo, int[] hi, long nodeBudget, long deadlineNanos, Ticker ticker) {
    this.engine = engine;
    this.ticker = ticker;
    this.m = lo.length;
    this.lo = lo.clone();
    this.hi = hi.clone();
    this.stride = new int[m];
    long s = 1;
    for (int i = m - 1; i >= 0; i--) {
      stride[i] = (int) s;
      s *= (hi[i] - lo[i] + 1);
      if (s > 20_000_000) {
        throw new org.ctdc.deid.DeidException(
            "the generalisation lattice has more than 20,000,000 nodes; bound the levels of some quasi-identifiers");
      }
    }
    this.size = (int) s;
    this.nodeBudget = nodeBudget;
    this.deadline = deadlineNanos;
    this.status = new byte[size];
    this.bound = new double[size];
    this.value = new double[size];
    java.util.Arrays.fill(value, Double.NaN);
    this.evaluated = new boolean[size];
    this.counted = new boolean[size];
    int maxSum = 0;
    for (int i = 0; i < m; i++) {
      maxSum += hi[i] - lo[i];
    }
    int[] sums = new int[size];
    int[] bucket = new int[maxSum + 2];
    for (int x = 0; x < size; x++) {
      int sum = 0;
      int rest = x;
      for (int i = 0; i < m; i++) {
        sum += rest / stride[i];
        rest %= stride[i];
      }
      sums[x] = sum;
      bucket[sum + 1]++;
    }
    for (int b = 1; b < bucket.length; b++) {
      bucket[b] += bucket[b - 1];
    }
    this.order = new int[size];
    for (int x = 0; x < size; x++) {
      order[bucket[sums[x]]++] = x;
    }
  }

  /** @return the number of nodes */
  public int size() {
    return size;
  }

  int[] levels(int node) {
    int[] l = new int[m];
    int rest = node;
    for (int i = 0; i < m; i++) {
      l[i] = lo[i] + rest / stride[i];
      rest %= stride[i];
    }
    return l;
  }

  private int level(int node, int i) {
    return lo[i] + (node / stride[i]) % (hi[i] - lo[i] + 1);
  }

  private static final class BudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExhausted() {
      super(null, null, false, false);
    }
  }

  private NodeEval eval(int node) {
    ticker.at(settled);
    if ((nodeBudget > 0 && evaluations >= nodeBudget) || System.nanoTime() > deadline) {
      throw new BudgetExhausted();
    }
    return evalUnbudgeted(node);
  }

  private NodeEval evalUnbudgeted(int node) {
    int[] l = levels(node);
    ClassTable src = engine.base;
    for (ClassTable t : cache) {
      if (t.size < src.size && below(t.levels, l)) {
        src = t;
      }
    }
    NodeEval e = engine.evaluate(l, src);
    evaluations++;
    evaluated[node] = true;
    value[node] = e.metric;
    bound[node] = Math.max(bound[node], e.bound);
    if (e.table != engine.base && e.table.size > 0 && e.table.size * 2 < src.size + src.size / 2) {
      cache.add(e.table.trimmedCopy());
      cachedEntries += e.table.size;
      while (cache.size() > 256 || cachedEntries > 4_000_000) {
        cachedEntries -= cache.remove(0).size;
      }
    }
    return e;
  }

  /** Counts a node once in the progress. */
  private void settle(int node) {
    if (!counted[node]) {
      counted[node] = true;
      settled++;
    }
  }

  private static boolean below(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
    }
    return true;
  }

  private void tag(int node, byte s) {
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    if (status[node] == s) {
      return;
    }
    status[node] = s;
    settle(node);
    stack.push(node);
    while (!stack.isEmpty()) {
      int x = stack.pop();
      for (int i = 0; i < m; i++) {
        int li = level(x, i);
        int y;
        if (s == FEASIBLE) {
          if (li >= hi[i]) {
            continue;
          }
          y = x + stride[i];
        } else {
          if (li <= lo[i]) {
            continue;
          }
          y = x - stride[i];
        }
        if (status[y] != s) {
          status[y] = s;
          settle(y);
          stack.push(y);
        }
      }
    }
  }

  /**
   * Whether a metric bound rules a node (and, the bound holding for every node above, its up-set) out: it
   * exceeds a value already found by more than the search's tolerance.
   */
  private boolean prunable(double nodeBound, double best) {
    return nodeBound > best + 1e-9 * Math.max(1, Math.abs(best));
  }

  /**
   * Classifies the nodes that can still hold the optimum. A node whose metric bound exceeds the value of
   * a feasible node evaluated so far cannot be (or tie with) the optimum, nor can any node above it, so
   * paths stop below such nodes and they stay unclassified unless the lattice classification is requested.
   */
  private double classifyMonotone() {
    double best = Double.POSITIVE_INFINITY;
    int passed = 0;
    for (int start : order) {
      if ((++passed & 4095) == 0) {
        ticker.at(settled);
      }
      if (status[start] != UNKNOWN) {
        continue;
      }
      if (prunable(engine.nodeBound(levels(start)), best)) {
        continue;
      }
      List<Integer> path = new ArrayList<>();
      int x = start;
      path.add(x);
      while (true) {
        int next = -1;
        for (int i = 0; i < m; i++) {
          if (level(x, i) < hi[i] && status[x + stride[i]] == UNKNOWN) {
            next = x + stride[i];
            break;
          }
        }
        if (next < 0 || prunable(engine.nodeBound(levels(next)), best)) {
          break;
        }
        path.add(next);
        x = next;
      }
      int a = 0;
      int b = path.size() - 1;
      while (a <= b) {
        int mid = (a + b) >>> 1;
        int node = path.get(mid);
        // every node of [a, b] is still unclassified: the path is a chain of unclassified nodes, a feasible
        // node tags only nodes above it (the search goes on below it) and an infeasible one only nodes below
        NodeEval e = eval(node);
        if (e.feasible) {
          tag(node, FEASIBLE);
          best = Math.min(best, e.metric);
          b = mid - 1;
        } else {
          tag(node, INFEASIBLE);
          a = mid + 1;
        }
      }
    }
    return best;
  }

  /**
   * Runs the search.
   *
   * @param classifyAll whether to classify every node (evaluating those whose status is not implied)
   * @return the outcome
   */
  public Outcome run(boolean classifyAll) {
    boolean monotone = engine.feasibilityMonotone();
    int best = -1;
    double bestValue = Double.POSITIVE_INFINITY;
    boolean complete = true;
    // the least metric value of a feasible node found so far: bounds above it prune (selection still
    // follows the documented order below)
    double found = Double.POSITIVE_INFINITY;
    ticker.start(size);
    try {
      if (monotone) {
        found = classifyMonotone();
      }
      boolean nodeLevelMetric = engine.metric == org.ctdc.deid.Metric.PRECISION;
      int passed = 0;
      for (int node : order) {
        if ((++passed & 4095) == 0) {
          ticker.at(settled);
        }
        settle(node);
        int[] l = levels(node);
        double b = Math.max(bound[node], engine.nodeBound(l));
        for (int i = 0; i < m; i++) {
          if (l[i] > lo[i]) {
            b = Math.max(b, bound[node - stride[i]]);
          }
        }
        bound[node] = b;
        if (status[node] == INFEASIBLE) {
          continue;
        }
        if (prunable(b, Math.min(found, bestValue))) {
          continue;
        }
        double v;
        boolean feasible;
        if (evaluated[node]) {
          v = value[node];
          feasible = status[node] == FEASIBLE;
        } else if (nodeLevelMetric && status[node] == FEASIBLE) {
          v = engine.precision(l);
          feasible = true;
        } else {
          NodeEval e = eval(node);
          v = e.metric;
          feasible = e.feasible;
          if (monotone) {
            tag(node, feasible ? FEASIBLE : INFEASIBLE);
          } else {
            status[node] = feasible ? FEASIBLE : INFEASIBLE;
            settle(node);
          }
          b = Math.max(b, e.bound);
          bound[node] = b;
        }
        if (feasible && (best < 0 || v < bestValue - TIE * Math.max(1, Math.abs(bestValue)))) {
          best = node;
          bestValue = v;
        }
      }
      if (classifyAll) {
        for (int node : order) {
          if (status[node] == UNKNOWN) {
            NodeEval e = eval(node);
            status[node] = e.feasible ? FEASIBLE : INFEASIBLE;
            settle(node);
          }
        }
      }
    } catch (BudgetExhausted e) {
      complete = false;
      exhausted = true;
    }
    if (best < 0 && !complete) {
      int top = size - 1;
      NodeEval e = evaluated[top] ? null : evalUnbudgeted(top);
      boolean f = e != null ? e.feasible : status[top] == FEASIBLE;
      if (f) {
        best = top;
      }
    }
    ticker.end();
    if (best < 0) {
      return new Outcome(null, null, complete, evaluations, size, status.clone(), value.clone());
    }
    NodeEval fin = engine.evaluateKept(levels(best));
    return new Outcome(levels(best), fin, complete, evaluations, size, status.clone(), value.clone());
  }

  /**
   * The chosen node's facts.
   *
   * @param o an outcome with a chosen node
   * @return suppressed records, released classes, then every metric's value in {@link
   *     org.ctdc.deid.Metric} order
   */
  public static double[] facts(Outcome o) {
    NodeEval e = Objects.requireNonNull(o.eval); // an outcome with a chosen node
    double[] all = Objects.requireNonNull(e.all); // the chosen node is evaluated with every metric
    double[] f = new double[2 + all.length];
    f[0] = e.suppressed;
    f[1] = e.classesKept;
    System.arraycopy(all, 0, f, 2, all.length);
    return f;
  }

  /**
   * The smallest released class size of the chosen node.
   *
   * @param o an outcome with a chosen node
   * @return the size, or 0 if nothing is released
   */
  public static int smallestReleasedClass(Outcome o) {
    NodeEval e = Objects.requireNonNull(o.eval); // an outcome with a chosen node
    int min = Integer.MAX_VALUE;
    for (int c = 0; c < e.table.size; c++) {
      if (e.passes[c]) {
        min = Math.min(min, e.table.count[c]);
      }
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  /**
   * The levels of a node index.
   *
   * @param node the index
   * @return the level vector
   */
  public int[] levelsOf(int node) {
    return levels(node);
  }

  /** @return whether the last run stopped at the budget */
  public boolean budgetExhausted() {
    return exhausted;
  }
}
