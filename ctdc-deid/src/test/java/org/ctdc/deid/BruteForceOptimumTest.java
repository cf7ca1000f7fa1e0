package org.ctdc.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test over seeded random datasets, hierarchies, models, limits and metrics: the search's optimum
 * equals a brute-force enumeration of the lattice written independently here (string grouping of the
 * rows, the definitions of METHODS.md), every node's classification matches, the suppression limit is never
 * exceeded, and the release passes this test's own check of the models.
 */
class BruteForceOptimumTest {

  static final String MISSING = "\u0000missing";

  /** A random problem. */
  record Problem(Dataset data, List<String> qis, List<Hierarchy> hierarchies, List<PrivacyModel> models,
      double limit, Metric metric, String sensitive) {}

  static Stream<Long> seeds() {
    return LongStream(1, 241);
  }

  private static Stream<Long> LongStream(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> (long) i);
  }

  static Hierarchy randomHierarchy(Random rnd, String name, List<String> leaves) {
    int levels = 1 + rnd.nextInt(3);
    List<List<String>> rows = new ArrayList<>();
    for (String l : leaves) {
      List<String> row = new ArrayList<>();
      row.add(l);
      rows.add(row);
    }
    List<String> current = new ArrayList<>(leaves);
    for (int lv = 1; lv < levels; lv++) {
      int groups = Math.max(1, current.size() - 1 - rnd.nextInt(Math.max(1, current.size() - 1)));
      Map<String, String> parent = new HashMap<>();
      for (int i = 0; i < current.size(); i++) {
        parent.put(current.get(i), name + "L" + lv + "g" + (i < groups ? i : rnd.nextInt(groups)));
      }
      for (List<String> row : rows) {
        row.add(parent.get(row.get(lv - 1)));
      }
      current = rows.stream().map(r -> r.get(r.size() - 1)).distinct().toList();
    }
    for (List<String> row : rows) {
      row.add("*");
    }
    return Hierarchy.of(name, rows);
  }

  static Problem randomProblem(long seed) {
    Random rnd = new Random(seed);
    int m = 2 + rnd.nextInt(3);
    Schema.Builder sb = Schema.builder("random", "1");
    List<String> qis = new ArrayList<>();
    List<Hierarchy> hs = new ArrayList<>();
    List<List<String>> domains = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      int d = 2 + rnd.nextInt(5);
      List<String> vals = new ArrayList<>();
      for (int v = 0; v < d; v++) {
        vals.add("q" + i + "v" + v);
      }
      domains.add(vals);
      sb.add(Variable.builder("q" + i, VariableKind.CATEGORICAL).values(ValueSet.ofCodes(vals.toArray(new String[0]))).build());
      qis.add("q" + i);
      hs.add(randomHierarchy(rnd, "q" + i, vals));
    }
    int sd = 2 + rnd.nextInt(3);
    List<String> svals = new ArrayList<>();
    for (int v = 0; v < sd; v++) {
      svals.add("s" + v);
    }
    sb.add(Variable.builder("s", VariableKind.CATEGORICAL).values(ValueSet.ofCodes(svals.toArray(new String[0]))).build());
    Schema schema = sb.build();
    int n = 10 + rnd.nextInt(90);
    boolean withMissing = rnd.nextInt(3) == 0;
    Dataset.Appender a = Dataset.appender(schema);
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < m; i++) {
        if (withMissing && rnd.nextInt(12) == 0) {
          a.setMissing(i, rnd.nextBoolean() ? MissingReason.UNKNOWN : MissingReason.NOT_COLLECTED);
        } else {
          int d = domains.get(i).size();
          a.setCode(i, Math.min(rnd.nextInt(d), rnd.nextInt(d)));
        }
      }
      a.setCode(m, rnd.nextInt(sd));
      a.endRow();
    }
    List<PrivacyModel> models = new ArrayList<>();
    models.add(new PrivacyModel.KAnonymity(1 + rnd.nextInt(5)));
    switch (rnd.nextInt(7)) {
      case 0 -> models.add(new PrivacyModel.DistinctLDiversity("s", 2));
      case 1 -> models.add(new PrivacyModel.EntropyLDiversity("s", 1.5));
      case 2 -> models.add(new PrivacyModel.RecursiveClDiversity("s", 3, 2));
      case 3 -> models.add(PrivacyModel.TCloseness.equalDistance("s", 0.2 + rnd.nextDouble() * 0.3));
      case 4 -> models.add(PrivacyModel.TCloseness.hierarchical("s", 0.2 + rnd.nextDouble() * 0.3,
          randomHierarchy(rnd, "s", svals)));
      default -> { }
    }
    double[] limits = {0, 0.05, 0.1, 0.3};
    double limit = limits[rnd.nextInt(limits.length)];
    Metric metric = Metric.values()[rnd.nextInt(Metric.values().length)];
    return new Problem(a.build(), qis, hs, models, limit, metric, "s");
  }

  // ---------- the independent brute force ----------

  record Eval(List<Integer> levels, boolean feasible, long suppressed, double metric, boolean[] kept) {}

  static String gen(Hierarchy h, String v, int level) {
    if (v.equals(MISSING + "UNKNOWN") || v.equals(MISSING + "NOT_COLLECTED")) {
      return level == h.height() && h.height() > 0 ? "*" : v;
    }
    return h.rows().stream().filter(r -> r.get(0).equals(v)).findFirst().orElseThrow().get(level);
  }

  static String cell(Dataset d, int r, int c) {
    Optional<MissingReason> mr = d.missingReason(r, c);
    return mr.isPresent() ? MISSING + mr.get().name() : d.token(r, c);
  }

  static boolean classPasses(List<Integer> members, Problem p, Map<String, Double> overall) {
    int k = 1;
    for (PrivacyModel pm : p.models()) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        k = Math.max(k, ka.k());
      }
    }
    if (members.size() < k) {
      return false;
    }
    Dataset d = p.data();
    int sc = d.column(p.sensitive());
    Map<String, Integer> hist = new LinkedHashMap<>();
    for (int r : members) {
      hist.merge(d.token(r, sc), 1, Integer::sum);
    }
    for (PrivacyModel pm : p.models()) {
      if (pm instanceof PrivacyModel.DistinctLDiversity dl && hist.size() < dl.l()) {
        return false;
      }
      if (pm instanceof PrivacyModel.EntropyLDiversity el) {
        double h = 0;
        for (int c : hist.values()) {
          double q = (double) c / members.size();
          h -= q * Math.log(q);
        }
        if (h < Math.log(el.l()) - 1e-12) {
          return false;
        }
      }
      if (pm instanceof PrivacyModel.RecursiveClDiversity rc) {
        List<Integer> counts = hist.values().stream().sorted(Comparator.reverseOrder()).toList();
        if (counts.size() < rc.l()) {
          return false;
        }
        int tail = 0;
        for (int j = rc.l() - 1; j < counts.size(); j++) {
          tail += counts.get(j);
        }
        if (!(counts.get(0) < rc.c() * tail)) {
          return false;
        }
      }
      if (pm instanceof PrivacyModel.TCloseness tc) {
        double dist;
        if (tc.hierarchy().isEmpty()) {
          double s = 0;
          for (String v : overall.keySet()) {
            s += Math.abs(hist.getOrDefault(v, 0) / (double) members.size() - overall.get(v));
          }
          dist = s / 2;
        } else {
          dist = hierarchicalDistance(tc.hierarchy().get(), hist, members.size(), overall);
        }
        if (dist > tc.t() + 1e-12) {
          return false;
        }
      }
    }
    return true;
  }

  /** Li, Li and Venkatasubramanian's hierarchical EMD, by recursion over the labels of each level. */
  static double hierarchicalDistance(Hierarchy h, Map<String, Integer> hist, int size, Map<String, Double> overall) {
    int height = h.height();
    double cost = 0;
    for (int level = 1; level <= height; level++) {
      for (String node : h.labels(level)) {
        // children: labels of level-1 under this node
        Map<String, Double> childExtra = new LinkedHashMap<>();
        for (List<String> row : h.rows()) {
          if (row.get(level).equals(node)) {
            String leaf = row.get(0);
            double e = hist.getOrDefault(leaf, 0) / (double) size - overall.getOrDefault(leaf, 0.0);
            childExtra.merge(row.get(level - 1), e, Double::sum);
          }
        }
        double pos = 0;
        double neg = 0;
        for (double e : childExtra.values()) {
          if (e > 0) {
            pos += e;
          } else {
            neg -= e;
          }
        }
        cost += (double) level / height * Math.min(pos, neg);
      }
    }
    return cost;
  }

  static Eval bruteEval(Problem p, List<Integer> levels) {
    Dataset d = p.data();
    int n = d.rowCount();
    int m = p.qis().size();
    Map<List<String>, List<Integer>> classes = new LinkedHashMap<>();
    for (int r = 0; r < n; r++) {
      List<String> key = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        key.add(gen(p.hierarchies().get(i), cell(d, r, d.column(p.qis().get(i))), levels.get(i)));
      }
      classes.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
    }
    Map<String, Double> overall = new LinkedHashMap<>();
    int sc = d.column(p.sensitive());
    for (int r = 0; r < n; r++) {
      overall.merge(d.token(r, sc), 1.0 / n, Double::sum);
    }
    boolean[] kept = new boolean[n];
    long suppressed = 0;
    int keptClasses = 0;
    double dm = 0;
    for (List<Integer> members : classes.values()) {
      if (classPasses(members, p, overall)) {
        keptClasses++;
        dm += (double) members.size() * members.size();
        members.forEach(r -> kept[r] = true);
      } else {
        suppressed += members.size();
      }
    }
    dm += (double) suppressed * n;
    boolean feasible = suppressed <= Math.floor(p.limit() * n);
    double metric =
        switch (p.metric()) {
          case PRECISION -> {
            double s = 0;
            for (int i = 0; i < m; i++) {
              int h = p.hierarchies().get(i).height();
              s += h == 0 ? 0 : (double) levels.get(i) / h;
            }
            yield s / m;
          }
          case DISCERNIBILITY -> dm;
          case AVERAGE_CLASS_SIZE -> keptClasses == 0 ? n : (double) (n - suppressed) / keptClasses;
          case NON_UNIFORM_ENTROPY -> entropy(p, levels, kept);
          case LOSS -> loss(p, levels, kept);
        };
    return new Eval(levels, feasible, suppressed, metric, kept);
  }

  static double entropy(Problem p, List<Integer> levels, boolean[] kept) {
    Dataset d = p.data();
    int n = d.rowCount();
    double total = 0;
    for (int i = 0; i < p.qis().size(); i++) {
      int c = d.column(p.qis().get(i));
      Hierarchy h = p.hierarchies().get(i);
      Map<String, Integer> freq = new HashMap<>();
      Map<String, Integer> genFreq = new HashMap<>();
      for (int r = 0; r < n; r++) {
        freq.merge(cell(d, r, c), 1, Integer::sum);
        genFreq.merge(gen(h, cell(d, r, c), levels.get(i)), 1, Integer::sum);
      }
      for (int r = 0; r < n; r++) {
        double po = freq.get(cell(d, r, c)) / (double) n;
        double pg = kept[r] ? genFreq.get(gen(h, cell(d, r, c), levels.get(i))) / (double) n : 1.0;
        total += -Math.log(po / pg) / Math.log(2);
      }
    }
    return total;
  }

  static double loss(Problem p, List<Integer> levels, boolean[] kept) {
    Dataset d = p.data();
    int n = d.rowCount();
    int m = p.qis().size();
    double total = 0;
    for (int i = 0; i < m; i++) {
      int c = d.column(p.qis().get(i));
      Hierarchy h = p.hierarchies().get(i);
      int leaves = h.rows().size();
      int level = levels.get(i);
      for (int r = 0; r < n; r++) {
        if (!kept[r]) {
          total += 1;
          continue;
        }
        String v = cell(d, r, c);
        String g = gen(h, v, level);
        if (v.startsWith(MISSING)) {
          total += level == h.height() && h.height() > 0 ? 1 : 0;
        } else {
          long under = h.rows().stream().filter(row -> row.get(level).equals(g)).count();
          total += leaves > 1 ? (double) (under - 1) / (leaves - 1) : 0;
        }
      }
    }
    return total / ((double) n * m);
  }

  static List<List<Integer>> allNodes(Problem p) {
    List<List<Integer>> nodes = new ArrayList<>();
    nodes.add(new ArrayList<>());
    for (Hierarchy h : p.hierarchies()) {
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> prefix : nodes) {
        for (int l = 0; l <= h.height(); l++) {
          List<Integer> x = new ArrayList<>(prefix);
          x.add(l);
          next.add(x);
        }
      }
      nodes = next;
    }
    return nodes;
  }

  static DeidConfig config(Problem p, boolean classify) {
    DeidConfig.Builder b = DeidConfig.builder();
    for (int i = 0; i < p.qis().size(); i++) {
      b.quasiIdentifier(p.qis().get(i), p.hierarchies().get(i));
    }
    p.models().forEach(b::model);
    return b.suppressionLimit(p.limit()).metric(p.metric()).classifyLattice(classify).build();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void optimumEqualsBruteForce(long seed) {
    Problem p = randomProblem(seed);
    List<Eval> evals = allNodes(p).stream().map(l -> bruteEval(p, l)).toList();
    Optional<Eval> best = evals.stream().filter(Eval::feasible).min(Comparator.comparingDouble(Eval::metric));
    DeidResult r;
    try {
      r = Deidentifier.of(config(p, true)).run(p.data());
    } catch (UnsatisfiableModelException e) {
      assertTrue(best.isEmpty(), "search found nothing, brute force found " + best);
      return;
    }
    assertTrue(best.isPresent(), "search found a node the brute force deems infeasible");
    Eval chosen = bruteEval(p, r.levels());
    assertTrue(chosen.feasible(), "chosen node feasible");
    double tol = 1e-9 * Math.max(1, Math.abs(best.get().metric()));
    assertEquals(best.get().metric(), chosen.metric(), tol, "optimal metric " + p.metric() + " models " + p.models());
    assertEquals(chosen.metric(), r.report().metrics().get(p.metric().name()), tol, "reported metric");
    // tie order: no feasible node of equal value comes earlier in (level sum, level vector) order
    for (Eval e : evals) {
      if (e.feasible() && Math.abs(e.metric() - chosen.metric()) <= tol && order(e.levels(), chosen.levels()) < 0) {
        org.junit.jupiter.api.Assertions.fail("tie order: " + e.levels() + " (" + e.metric() + ") precedes "
            + chosen.levels() + " (" + chosen.metric() + "), metric " + p.metric() + ", models " + p.models()
            + ", limit " + p.limit());
      }
    }
    // the whole lattice classification matches
    Map<List<Integer>, Eval> byNode = new HashMap<>();
    evals.forEach(e -> byNode.put(e.levels(), e));
    for (LatticeNode node : r.lattice()) {
      assertFalse(node.status() == LatticeNode.Status.UNKNOWN);
      assertEquals(byNode.get(node.levels()).feasible(), node.status() == LatticeNode.Status.FEASIBLE,
          "classification of " + node.levels());
    }
    // suppression limit and release
    assertEquals(chosen.suppressed(), r.report().recordsSuppressed());
    assertTrue(r.report().recordsSuppressed() <= Math.floor(p.limit() * p.data().rowCount()));
    assertEquals(p.data().rowCount() - chosen.suppressed(), r.release().rowCount());
    checkRelease(p, r);
    org.ctdc.deid.verify.VerificationResult v = org.ctdc.deid.verify.Verifier.verify(r.release(), r.verificationSpec());
    assertTrue(v.passed(), () -> "verifier: " + v.summary());
  }

  static int order(List<Integer> a, List<Integer> b) {
    int sa = a.stream().mapToInt(Integer::intValue).sum();
    int sbb = b.stream().mapToInt(Integer::intValue).sum();
    if (sa != sbb) {
      return Integer.compare(sa, sbb);
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        return Integer.compare(a.get(i), b.get(i));
      }
    }
    return 0;
  }

  /** Checks the release itself: classes of the released QI tokens satisfy k and the sensitive models. */
  static void checkRelease(Problem p, DeidResult r) {
    Dataset rel = r.release();
    Map<List<String>, List<Integer>> classes = new LinkedHashMap<>();
    for (int row = 0; row < rel.rowCount(); row++) {
      List<String> key = new ArrayList<>();
      for (String q : p.qis()) {
        key.add(cell(rel, row, rel.column(q)));
      }
      classes.computeIfAbsent(key, x -> new ArrayList<>()).add(row);
    }
    int k = p.models().stream().filter(x -> x instanceof PrivacyModel.KAnonymity)
        .mapToInt(x -> ((PrivacyModel.KAnonymity) x).k()).max().orElse(1);
    int sc = rel.column(p.sensitive());
    for (List<Integer> members : classes.values()) {
      assertTrue(members.size() >= k, "class of " + members.size() + " below k " + k);
      long distinct = members.stream().map(x -> rel.token(x, sc)).distinct().count();
      for (PrivacyModel pm : p.models()) {
        if (pm instanceof PrivacyModel.DistinctLDiversity dl) {
          assertTrue(distinct >= dl.l());
        }
      }
    }
  }
}
