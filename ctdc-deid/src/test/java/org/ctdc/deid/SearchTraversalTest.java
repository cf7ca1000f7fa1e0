package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ctdc.deid.BruteForceOptimumTest.Problem;
import org.ctdc.deid.internal.Engine;
import org.ctdc.deid.internal.Search;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lattice traversal of the generalisation search, node for node, against a simulation of the algorithm
 * that {@link Search}'s documentation describes, written here from that description.
 *
 * <p>With the precision metric a node's metric (and its lower bound) is known without its table, so the
 * nodes the search evaluates are fully determined by the documented parts: the bottom-up order (level sum,
 * then level vector), the greedy paths through unclassified nodes raising the first quasi-identifier that
 * can be raised, the binary search on each path, predictive tagging of up-sets and down-sets when
 * feasibility is monotone, pruning of nodes whose bound exceeds the best value found, the node budget with
 * its top-node fallback, and the progress count (nodes classified or passed, reported about every hundredth
 * of the lattice at the checkpoints: every evaluation and every 4,096 nodes passed). Feasibility of every
 * node comes from the brute force of {@link BruteForceOptimumTest}, which shares no code with the engine.
 * The test asserts the set of evaluated nodes, the classification left behind, the chosen node, whether it
 * is proven optimal, and every progress report.
 */
class SearchTraversalTest {

  static final byte UNKNOWN = 0;
  static final byte FEASIBLE = 1;
  static final byte INFEASIBLE = 2;

  static Stream<Long> seeds() {
    return IntStream.rangeClosed(1, 160).mapToObj(i -> (long) i);
  }

  /** A random problem from the brute-force test, with the precision metric and models of either kind. */
  static Problem problem(long seed) {
    Problem base = BruteForceOptimumTest.randomProblem(seed);
    Random rnd = new Random(seed * 7919);
    List<PrivacyModel> models = new ArrayList<>();
    models.add(new PrivacyModel.KAnonymity(1 + rnd.nextInt(6)));
    switch (rnd.nextInt(4)) {
      case 0 -> models.add(new PrivacyModel.DistinctLDiversity("s", 2));
      // not monotone with suppression: the search goes straight to its branch and bound
      case 1 -> models.add(new PrivacyModel.EntropyLDiversity("s", 1.5));
      default -> { }
    }
    double[] limits = {0, 0, 0.05, 0.1, 0.3};
    return new Problem(base.data(), base.qis(), base.hierarchies(), models, limits[rnd.nextInt(limits.length)],
        Metric.PRECISION, "s");
  }

  /** Level bounds: the whole lattice, or a random box inside it. */
  static int[][] box(Problem p, long seed) {
    Random rnd = new Random(seed * 31 + 5);
    int m = p.qis().size();
    int[] lo = new int[m];
    int[] hi = new int[m];
    boolean whole = rnd.nextInt(3) == 0;
    for (int i = 0; i < m; i++) {
      int h = p.hierarchies().get(i).height();
      lo[i] = whole ? 0 : rnd.nextInt(h + 1);
      hi[i] = whole ? h : lo[i] + rnd.nextInt(h - lo[i] + 1);
    }
    return new int[][] {lo, hi};
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void evaluatesExactlyTheNodesTheDocumentedTraversalEvaluates(long seed) {
    Problem p = problem(seed);
    int[][] box = box(p, seed);
    check(p, box[0], box[1], 0, false);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void classifyingTheWholeLatticeEvaluatesEveryNodeLeftUnclassified(long seed) {
    Problem p = problem(seed);
    int[][] box = box(p, seed);
    check(p, box[0], box[1], 0, true);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aNodeBudgetStopsAtExactlyThatManyEvaluationsThenFallsBackToTheTop(long seed) {
    Problem p = problem(seed);
    int[][] box = box(p, seed);
    for (int budget = 1; budget <= 6; budget++) {
      check(p, box[0], box[1], budget, seed % 2 == 0);
    }
  }

  /** More than 4,096 nodes, so the checkpoints every 4,096 nodes passed are reached in both passes. */
  @Test
  void aLatticeOfMoreThan4096NodesIsTraversedAsDocumented() {
    for (int k : new int[] {3, 40}) {
      Problem p = bigProblem(k, 0);
      int m = p.qis().size();
      int[] lo = new int[m];
      int[] hi = new int[m];
      for (int i = 0; i < m; i++) {
        hi[i] = p.hierarchies().get(i).height();
      }
      Result r = check(p, lo, hi, 0, false);
      assertTrue(r.size() > 4096, "lattice of " + r.size() + " nodes");
    }
  }

  @Test
  void aNodeBudgetOnALargeLatticeLeavesTheResultUnproven() {
    Problem p = bigProblem(5, 0.1);
    int m = p.qis().size();
    int[] hi = new int[m];
    for (int i = 0; i < m; i++) {
      hi[i] = p.hierarchies().get(i).height();
    }
    Result r = check(p, new int[m], hi, 3, false);
    assertFalse(r.optimal());
  }

  @Test
  void aSearchTellsItsLatticeSizeAndWhetherItsBudgetRanOut() {
    Problem p = bigProblem(5, 0);
    int m = p.qis().size();
    int[] hi = new int[m];
    for (int i = 0; i < m; i++) {
      hi[i] = p.hierarchies().get(i).height();
    }
    Engine e = engine(p);
    Search unlimited = new Search(e, new int[m], hi, 0, Long.MAX_VALUE);
    assertEquals(5 * 5 * 5 * 5 * 7, unlimited.size());
    unlimited.run(false);
    assertFalse(unlimited.budgetExhausted());
    Search limited = new Search(e, new int[m], hi, 2, Long.MAX_VALUE);
    assertEquals(unlimited.size(), limited.size());
    Search.Outcome o = limited.run(false);
    assertTrue(limited.budgetExhausted());
    assertFalse(o.optimal);
  }

  /** Five quasi-identifiers over 16 values; four hierarchies of height 4 and one of height 6: 4,375 nodes. */
  static Problem bigProblem(int k, double limit) {
    Random rnd = new Random(42);
    int m = 5;
    Schema.Builder sb = Schema.builder("big", "1");
    List<String> qis = new ArrayList<>();
    List<Hierarchy> hs = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      List<String> vals = new ArrayList<>();
      List<List<String>> rows = new ArrayList<>();
      int height = i < 4 ? 4 : 6;
      for (int v = 0; v < 16; v++) {
        vals.add("q" + i + "v" + v);
        List<String> row = new ArrayList<>();
        row.add("q" + i + "v" + v);
        for (int lv = 1; lv < height; lv++) {
          row.add("q" + i + "L" + lv + "g" + (v >> lv));
        }
        row.add("*");
        rows.add(row);
      }
      sb.add(Variable.builder("q" + i, VariableKind.CATEGORICAL).values(ValueSet.ofCodes(vals.toArray(new String[0])))
          .build());
      qis.add("q" + i);
      hs.add(Hierarchy.of("q" + i, rows));
    }
    sb.add(Variable.builder("s", VariableKind.CATEGORICAL).values(ValueSet.ofCodes("s0", "s1", "s2")).build());
    Dataset.Appender a = Dataset.appender(sb.build());
    for (int r = 0; r < 80; r++) {
      for (int i = 0; i < m; i++) {
        a.setCode(i, Math.min(rnd.nextInt(16), rnd.nextInt(16)));
      }
      a.setCode(m, rnd.nextInt(3));
      a.endRow();
    }
    return new Problem(a.build(), qis, hs, List.of(new PrivacyModel.KAnonymity(k)), limit, Metric.PRECISION, "s");
  }

  static Engine engine(Problem p) {
    return Engine.prepare(p.data(), p.qis(), p.hierarchies(), p.models(), p.limit(), p.metric(), 1);
  }

  record Result(int size, boolean optimal) {}

  /** Runs the search and the simulation and compares everything observable. */
  static Result check(Problem p, int[] lo, int[] hi, int budget, boolean classifyAll) {
    RecordingListener listener = RecordingListener.recording();
    Search search = new Search(engine(p), lo, hi, budget, Long.MAX_VALUE,
        new Ticker("searching", "test search", listener, Cancellation.create()));
    Search.Outcome out = search.run(classifyAll);
    Simulation sim = new Simulation(p, lo, hi, budget);
    sim.run(classifyAll);
    String what = "models " + p.models() + ", limit " + p.limit() + ", levels " + List.of(toList(lo), toList(hi))
        + ", budget " + budget + ", classify all " + classifyAll;

    assertEquals(sim.order.size(), out.latticeSize, what);
    Set<List<Integer>> evaluated = new HashSet<>();
    Map<List<Integer>, Byte> status = new HashMap<>();
    for (int x = 0; x < out.latticeSize; x++) {
      List<Integer> node = toList(search.levelsOf(x));
      if (!Double.isNaN(out.values[x])) {
        evaluated.add(node);
        assertEquals(sim.precision(node), out.values[x], 0.0, "metric of " + node);
      }
      status.put(node, out.status[x]);
    }
    assertEquals(sim.evaluated, evaluated, "evaluated nodes, " + what);
    assertEquals(sim.evaluated.size(), out.evaluations, what);
    for (List<Integer> node : sim.order) {
      assertEquals(sim.status(node), status.get(node), "status of " + node + ", " + what);
    }
    assertEquals(sim.complete, out.optimal, what);
    assertEquals(!sim.complete, search.budgetExhausted(), what);
    if (sim.chosen == null) {
      assertNull(out.levels, what);
    } else {
      assertArrayEquals(sim.chosen.stream().mapToInt(Integer::intValue).toArray(), out.levels, what);
    }
    List<Long> reported = listener.of("searching").stream().map(RecordingListener.Report::done).toList();
    assertEquals(sim.reports, reported, "progress, " + what);
    listener.of("searching").forEach(r -> assertEquals(sim.order.size(), r.total()));
    return new Result(out.latticeSize, out.optimal);
  }

  static List<Integer> toList(int[] a) {
    return IntStream.of(a).boxed().toList();
  }

  /** The documented algorithm, over level vectors, with feasibility from the brute force. */
  static final class Simulation {
    final Problem p;
    final int m;
    final int[] lo;
    final int[] hi;
    final int budget;
    final List<List<Integer>> order = new ArrayList<>();
    final Map<List<Integer>, Boolean> feasible = new HashMap<>();
    final Map<List<Integer>, Byte> status = new HashMap<>();
    final Set<List<Integer>> evaluated = new HashSet<>();
    final Set<List<Integer>> counted = new HashSet<>();
    final boolean monotone;
    final List<Long> reports = new ArrayList<>();
    List<Integer> chosen;
    boolean complete = true;
    // the progress reporter: about every hundredth of the total
    long step;
    long last = -1;

    Simulation(Problem p, int[] lo, int[] hi, int budget) {
      this.p = p;
      this.m = lo.length;
      this.lo = lo;
      this.hi = hi;
      this.budget = budget;
      List<List<Integer>> all = new ArrayList<>();
      all.add(List.of());
      for (int i = 0; i < m; i++) {
        List<List<Integer>> next = new ArrayList<>();
        for (List<Integer> prefix : all) {
          for (int l = lo[i]; l <= hi[i]; l++) {
            List<Integer> x = new ArrayList<>(prefix);
            x.add(l);
            next.add(List.copyOf(x));
          }
        }
        all = next;
      }
      all.sort(Comparator.comparingInt((List<Integer> x) -> x.stream().mapToInt(Integer::intValue).sum())
          .thenComparing(Simulation::lexicographic));
      order.addAll(all);
      boolean kOnly = p.models().stream().allMatch(pm -> pm instanceof PrivacyModel.KAnonymity);
      String[][][] generalised = kOnly ? generalised(p) : null;
      for (List<Integer> x : order) {
        feasible.put(x, kOnly ? kAnonymous(p, generalised, x) : BruteForceOptimumTest.bruteEval(p, x).feasible());
      }
      long maxSuppressed = (long) Math.floor(p.limit() * p.data().rowCount());
      this.monotone = maxSuppressed == 0 || p.models().stream().allMatch(PrivacyModel::monotoneWithSuppression);
    }

    /** Per quasi-identifier, row and level: the generalised value, by the brute force's own lookup. */
    static String[][][] generalised(Problem p) {
      Dataset d = p.data();
      String[][][] g = new String[p.qis().size()][d.rowCount()][];
      for (int i = 0; i < g.length; i++) {
        Hierarchy h = p.hierarchies().get(i);
        Map<String, String[]> byValue = new HashMap<>();
        for (int r = 0; r < d.rowCount(); r++) {
          String v = BruteForceOptimumTest.cell(d, r, d.column(p.qis().get(i)));
          g[i][r] = byValue.computeIfAbsent(v, x -> IntStream.rangeClosed(0, h.height())
              .mapToObj(l -> BruteForceOptimumTest.gen(h, x, l)).toArray(String[]::new));
        }
      }
      return g;
    }

    /** k-anonymity with the suppression limit, by grouping the generalised rows. */
    static boolean kAnonymous(Problem p, String[][][] g, List<Integer> x) {
      int n = p.data().rowCount();
      Map<List<String>, Integer> sizes = new HashMap<>();
      for (int r = 0; r < n; r++) {
        List<String> key = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
          key.add(g[i][r][x.get(i)]);
        }
        sizes.merge(key, 1, Integer::sum);
      }
      int k = p.models().stream().mapToInt(pm -> ((PrivacyModel.KAnonymity) pm).k()).max().orElse(1);
      long suppressed = sizes.values().stream().filter(c -> c < k).mapToLong(Integer::longValue).sum();
      return suppressed <= Math.floor(p.limit() * n);
    }

    static int lexicographic(List<Integer> a, List<Integer> b) {
      for (int i = 0; i < a.size(); i++) {
        int c = Integer.compare(a.get(i), b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    byte status(List<Integer> x) {
      return status.getOrDefault(x, UNKNOWN);
    }

    double precision(List<Integer> x) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        int h = p.hierarchies().get(i).height();
        s += h == 0 ? 0 : (double) x.get(i) / h;
      }
      return m == 0 ? 0 : s / m;
    }

    static boolean prunable(double bound, double best) {
      return bound > best + 1e-9 * Math.max(1, Math.abs(best));
    }

    private static final class OutOfBudget extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }

    void report(long done) {
      last = done;
      reports.add(done);
    }

    void checkpoint() {
      long done = counted.size();
      if (done >= last + step && done < order.size()) {
        report(done);
      }
    }

    boolean evaluate(List<Integer> x) {
      checkpoint();
      if (budget > 0 && evaluated.size() >= budget) {
        throw new OutOfBudget();
      }
      evaluated.add(x);
      return feasible.get(x);
    }

    void setStatus(List<Integer> x, byte s) {
      status.put(x, s);
      counted.add(x);
    }

    /** Feasible: the node and every node above it; infeasible: the node and every node below it. */
    void tag(List<Integer> x, byte s) {
      for (List<Integer> y : order) {
        boolean related = true;
        for (int i = 0; i < m; i++) {
          related &= s == FEASIBLE ? y.get(i) >= x.get(i) : y.get(i) <= x.get(i);
        }
        if (related && status(y) != s) {
          setStatus(y, s);
        }
      }
    }

    List<Integer> up(List<Integer> x, int i) {
      List<Integer> y = new ArrayList<>(x);
      y.set(i, x.get(i) + 1);
      return List.copyOf(y);
    }

    double classifyMonotone() {
      double best = Double.POSITIVE_INFINITY;
      int passed = 0;
      for (List<Integer> start : order) {
        if (++passed % 4096 == 0) {
          checkpoint();
        }
        if (status(start) != UNKNOWN || prunable(precision(start), best)) {
          continue;
        }
        List<List<Integer>> path = new ArrayList<>();
        path.add(start);
        List<Integer> x = start;
        while (true) {
          List<Integer> next = null;
          for (int i = 0; i < m && next == null; i++) {
            if (x.get(i) < hi[i] && status(up(x, i)) == UNKNOWN) {
              next = up(x, i);
            }
          }
          if (next == null || prunable(precision(next), best)) {
            break;
          }
          path.add(next);
          x = next;
        }
        int a = 0;
        int b = path.size() - 1;
        while (a <= b) {
          int mid = (a + b) / 2;
          List<Integer> node = path.get(mid);
          if (evaluate(node)) {
            tag(node, FEASIBLE);
            best = Math.min(best, precision(node));
            b = mid - 1;
          } else {
            tag(node, INFEASIBLE);
            a = mid + 1;
          }
        }
      }
      return best;
    }

    void run(boolean classifyAll) {
      step = Math.max(1, (order.size() + 99) / 100);
      report(0);
      double bestValue = Double.POSITIVE_INFINITY;
      try {
        double found = monotone ? classifyMonotone() : Double.POSITIVE_INFINITY;
        int passed = 0;
        for (List<Integer> node : order) {
          if (++passed % 4096 == 0) {
            checkpoint();
          }
          counted.add(node);
          double v = precision(node);
          if (status(node) == INFEASIBLE || prunable(v, Math.min(found, bestValue))) {
            continue;
          }
          boolean f;
          if (evaluated.contains(node)) {
            f = status(node) == FEASIBLE;
          } else if (status(node) == FEASIBLE) {
            f = true;
          } else {
            f = evaluate(node);
            if (monotone) {
              tag(node, f ? FEASIBLE : INFEASIBLE);
            } else {
              setStatus(node, f ? FEASIBLE : INFEASIBLE);
            }
          }
          if (f && (chosen == null || v < bestValue - 1e-12 * Math.max(1, Math.abs(bestValue)))) {
            chosen = node;
            bestValue = v;
          }
        }
        if (classifyAll) {
          for (List<Integer> node : order) {
            if (status(node) == UNKNOWN) {
              setStatus(node, evaluate(node) ? FEASIBLE : INFEASIBLE);
            }
          }
        }
      } catch (OutOfBudget e) {
        complete = false;
      }
      if (chosen == null && !complete) {
        List<Integer> top = toList(hi);
        evaluated.add(top);
        if (feasible.get(top)) {
          chosen = top;
        }
      }
      if (last < order.size()) {
        report(order.size());
      }
    }
  }
}
