package org.ctdc.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ctdc.deid.internal.Engine;
import org.ctdc.deid.internal.Search;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optimal full-domain generalisation with record suppression of any {@link Dataset}.
 *
 * <p>The run builds the frequency table of distinct quasi-identifier combinations in one pass over the
 * rows (on {@link DeidConfig#threads()} threads), searches the lattice of hierarchy levels for the node
 * that satisfies every privacy model within the suppression limit and minimises the metric (see
 * {@link Metric} for the tie order), and writes the release. Same input and configuration give the same
 * release for any thread count.
 *
 * <p>This class is thread-safe: it has only static methods, and each run has its own state.
 */
public final class Deidentifier {
  private static final Logger LOG = LoggerFactory.getLogger(Deidentifier.class);

  private Deidentifier() {}

  /**
   * De-identifies a dataset.
   *
   * @param data the input
   * @param config the configuration
   * @return the release, the report and, if requested, the lattice classification
   * @throws HierarchyException if a hierarchy does not cover a value of the data
   * @throws UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws DeidException if the configuration does not fit the data
   */
  public static DeidResult run(Dataset data, DeidConfig config) {
    return run(data, config, true);
  }

  /**
   * Searches the optimal generalisation without writing the release: the report of what
   * {@link #run(Dataset, DeidConfig)} would release (records suppressed, levels, metrics, search
   * statistics), for planning and benchmarks.
   *
   * @param data the input
   * @param config the configuration
   * @return the report; its released-record count is the number of records that would be released; it
   *     lists no dropped or pseudonymised variables (no release is written)
   * @throws HierarchyException if a hierarchy does not cover a value of the data
   * @throws UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws DeidException if the configuration does not fit the data
   */
  public static DeidReport plan(Dataset data, DeidConfig config) {
    return run(data, config, false).report();
  }

  private static DeidResult run(Dataset data, DeidConfig config, boolean write) {
    long start = System.nanoTime();
    Schema schema = data.schema();
    for (String v : config.roleOverrides()) {
      if (schema.indexOf(v) < 0) {
        throw new DeidException("configuration names variable '" + v + "', which schema " + schema.id() + " lacks");
      }
    }
    for (Variable v : schema.variables()) {
      if (roleOf(v, config) == Role.QUASI_IDENTIFIER && config.hierarchy(v.name()).isEmpty()) {
        throw new DeidException(
            "variable '" + v.name() + "' is a quasi-identifier in schema " + schema.id()
                + " but the configuration gives it no hierarchy; add one or override its role");
      }
    }
    Engine engine =
        Engine.prepare(data, config.quasiIdentifiers(), config.hierarchies(), config.models(),
            config.suppressionLimit(), config.metric(), config.threads());
    long deadline =
        config.timeBudget().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
    Search search = new Search(engine, config.minLevels(), config.maxLevels(), config.nodeBudget(), deadline);
    Search.Outcome out = search.run(config.classifyLattice());
    if (out.levels == null) {
      throw new UnsatisfiableModelException(
          "no generalisation within the level bounds satisfies " + describe(config.models())
              + " with at most " + engine.maxSuppressed() + " of " + engine.rows() + " records suppressed"
              + (out.optimal ? "" : " (the search stopped at its budget)"));
    }
    int m = config.quasiIdentifiers().size();
    List<String> dropped = new ArrayList<>();
    List<String> pseudonymised = new ArrayList<>();
    int[][] ids = new int[m][];
    boolean[] keep = null;
    Dataset release = null;
    if (write || config.missingValues() == MissingValues.WILDCARD) {
      keep = engine.apply(data, out, ids);
    }
    if (write) {
      release = release(data, config, engine, out.levels, ids, keep, dropped, pseudonymised);
    }
    double[] facts = Search.facts(out);
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Metric mt : Metric.values()) {
      metrics.put(mt.name(), facts[2 + mt.ordinal()]);
    }
    List<DeidReport.QiLevel> levels = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      levels.add(new DeidReport.QiLevel(config.quasiIdentifiers().get(i), config.hierarchies().get(i).name(),
          out.levels[i], config.hierarchies().get(i).height()));
    }
    long wildcard = config.missingValues() == MissingValues.WILDCARD ? wildcardSmallest(ids, keep, out.levels, engine) : -1;
    List<LatticeNode> lattice = new ArrayList<>();
    if (config.classifyLattice()) {
      for (int node = 0; node < out.latticeSize; node++) {
        int[] l = search.levelsOf(node);
        List<Integer> lv = new ArrayList<>();
        for (int x : l) {
          lv.add(x);
        }
        LatticeNode.Status st =
            switch (out.status[node]) {
              case 1 -> LatticeNode.Status.FEASIBLE;
              case 2 -> LatticeNode.Status.INFEASIBLE;
              default -> LatticeNode.Status.UNKNOWN;
            };
        double v = out.values[node];
        lattice.add(new LatticeNode(lv, st, Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v)));
      }
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    DeidReport report =
        new DeidReport(schema.id(), levels, describeAll(config.models()), config.suppressionLimit(),
            config.metric(), config.missingValues(), dropped, pseudonymised, engine.rows(), (long) facts[0],
            engine.maxSuppressed(), engine.rows() - (long) facts[0], (long) facts[1], Search.smallestReleasedClass(out),
            wildcard, metrics, out.latticeSize, out.evaluations, out.optimal, elapsed);
    LOG.debug("de-identified {} rows: {} suppressed, {} of {} nodes evaluated", engine.rows(), (long) facts[0],
        out.evaluations, out.latticeSize);
    Map<String, Map<String, Long>> references = new LinkedHashMap<>();
    for (PrivacyModel pm : config.models()) {
      if (pm instanceof PrivacyModel.TCloseness t) {
        int c = data.column(t.variable());
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
          counts.merge(data.isMissing(r, c) ? "" : data.token(r, c), 1L, Long::sum);
        }
        references.put(t.variable(), counts);
      }
    }
    return new DeidResult(release == null ? data : release, report, config, lattice, references);
  }

  private static Role roleOf(Variable v, DeidConfig config) {
    if (v.kind() == VariableKind.IDENTIFIER) {
      return Role.IDENTIFIER;
    }
    return config.role(v.name()).orElse(v.role());
  }

  static String describe(PrivacyModel pm) {
    if (pm instanceof PrivacyModel.KAnonymity k) {
      return "k-anonymity(k=" + k.k() + ")";
    } else if (pm instanceof PrivacyModel.DistinctLDiversity d) {
      return "distinct-l-diversity(" + d.variable() + ", l=" + d.l() + ")";
    } else if (pm instanceof PrivacyModel.EntropyLDiversity e) {
      return "entropy-l-diversity(" + e.variable() + ", l=" + e.l() + ")";
    } else if (pm instanceof PrivacyModel.RecursiveClDiversity r) {
      return "recursive-cl-diversity(" + r.variable() + ", c=" + r.c() + ", l=" + r.l() + ")";
    } else {
      PrivacyModel.TCloseness t = (PrivacyModel.TCloseness) pm;
      return "t-closeness(" + t.variable() + ", t=" + t.t() + ", "
          + t.hierarchy().map(h -> "hierarchical distance, hierarchy " + h.name()).orElse("equal distance") + ")";
    }
  }

  private static List<String> describeAll(List<PrivacyModel> models) {
    return models.stream().map(Deidentifier::describe).toList();
  }

  private static String describe(List<PrivacyModel> models) {
    return String.join(" and ", describeAll(models));
  }

  private static Dataset release(Dataset data, DeidConfig config, Engine engine, int[] levels, int[][] ids,
      boolean[] keep, List<String> dropped, List<String> pseudonymised) {
    Schema in = data.schema();
    Schema.Builder sb = Schema.builder(in.name() + "-deid", in.version()).format(in.format())
        .description("De-identified release of " + in.id());
    List<String> qis = config.quasiIdentifiers();
    int cols = in.size();
    int[] target = new int[cols];
    int[] qiOf = new int[cols];
    boolean[] pseudo = new boolean[cols];
    int next = 0;
    for (int c = 0; c < cols; c++) {
      Variable v = in.variables().get(c);
      Role role = roleOf(v, config);
      qiOf[c] = qis.indexOf(v.name());
      target[c] = -1;
      if (qiOf[c] >= 0) {
        int i = qiOf[c];
        List<String> labels = engine.labels(i, levels[i]);
        sb.add(Variable.builder(v.name(), VariableKind.CATEGORICAL).label(v.label()).definition(v.definition())
            .values(ValueSet.ofCodes(labels.toArray(new String[0]))).role(Role.QUASI_IDENTIFIER)
            .note("generalised to level " + levels[i] + " of hierarchy " + config.hierarchies().get(i).name())
            .build());
      } else if (role == Role.IDENTIFIER || v.kind() == VariableKind.FREE_TEXT) {
        if (role == Role.IDENTIFIER && config.pseudonymises() && v.kind().isText() && !v.isMultiValued()) {
          pseudo[c] = true;
          pseudonymised.add(v.name());
          sb.add(Variable.builder(v.name(), VariableKind.IDENTIFIER).label(v.label())
              .definition("keyed pseudonym (HMAC-SHA-256, hex) of " + v.name()).role(Role.IDENTIFIER).build());
        } else {
          dropped.add(v.name());
          continue;
        }
      } else {
        sb.add(v);
      }
      target[c] = next++;
    }
    Schema out = sb.build();
    Dataset.Appender app = Dataset.appender(out);
    Mac mac = null;
    if (!pseudonymised.isEmpty()) {
      try {
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(config.pseudonymKey(), "HmacSHA256"));
      } catch (GeneralSecurityException e) {
        throw new DeidException("HMAC-SHA-256 is not available", e);
      }
    }
    int rows = data.rowCount();
    for (int r = 0; r < rows; r++) {
      if (!keep[r]) {
        continue;
      }
      for (int c = 0; c < cols; c++) {
        int t = target[c];
        if (t < 0) {
          continue;
        }
        if (qiOf[c] >= 0) {
          int i = qiOf[c];
          int id = ids[i][r];
          int miss = engine.missingOf(i, levels[i], id);
          if (miss < 0) {
            app.setMissing(t, reasonOf(miss));
          } else {
            app.setCode(t, id);
          }
          continue;
        }
        if (data.isMissing(r, c)) {
          app.setMissing(t, data.missingReason(r, c).orElse(MissingReason.UNKNOWN));
          continue;
        }
        Variable v = in.variables().get(c);
        if (pseudo[c]) {
          app.setText(t, pseudonym(mac, data.text(r, c)));
        } else if (v.kind().isClosed() && v.isMultiValued()) {
          app.setCodeSet(t, data.codeSet(r, c));
        } else if (v.kind().isClosed()) {
          app.setCode(t, data.code(r, c));
        } else if (v.kind().isInteger()) {
          app.setInt(t, data.intValue(r, c));
        } else {
          app.setText(t, data.text(r, c));
        }
      }
      app.endRow();
    }
    return app.build();
  }

  private static MissingReason reasonOf(int missingConstant) {
    for (MissingReason mr : MissingReason.values()) {
      if (Dataset.missingCode(mr) == missingConstant) {
        return mr;
      }
    }
    return MissingReason.UNKNOWN;
  }

  private static String pseudonym(Mac mac, String text) {
    byte[] h = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    StringBuilder sb = new StringBuilder(h.length * 2);
    for (byte b : h) {
      sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return sb.toString();
  }

  /** Under the wildcard rule, the least number of released records a released record matches. */
  private static long wildcardSmallest(int[][] ids, boolean[] keep, int[] levels, Engine engine) {
    int m = ids.length;
    Map<List<Integer>, Long> classes = new LinkedHashMap<>();
    for (int r = 0; r < keep.length; r++) {
      if (!keep[r]) {
        continue;
      }
      List<Integer> key = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        key.add(engine.missingOf(i, levels[i], ids[i][r]) < 0 ? -1 : ids[i][r]);
      }
      classes.merge(key, 1L, Long::sum);
    }
    List<List<Integer>> keys = new ArrayList<>(classes.keySet());
    List<List<Integer>> withMissing = keys.stream().filter(k -> k.contains(-1)).toList();
    long min = Long.MAX_VALUE;
    for (List<Integer> a : keys) {
      long count = classes.get(a);
      List<List<Integer>> others = a.contains(-1) ? keys : withMissing;
      for (List<Integer> b : others) {
        if (b != a && compatible(a, b)) {
          count += classes.get(b);
        }
      }
      min = Math.min(min, count);
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  private static boolean compatible(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < a.size(); i++) {
      int x = a.get(i);
      int y = b.get(i);
      if (x != -1 && y != -1 && x != y) {
        return false;
      }
    }
    return true;
  }
}
