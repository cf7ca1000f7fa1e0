package org.ctdc.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.ctdc.deid.internal.Engine;
import org.ctdc.deid.internal.Search;
import org.ctdc.schema.AbstractOperationBuilder;
import org.ctdc.schema.internal.Ticker;
import org.ctdc.deid.risk.RiskException;
import org.ctdc.deid.risk.RiskMeasures;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.risk.RiskReport;
import org.ctdc.deid.transform.LocalSuppression;
import org.ctdc.deid.transform.TopBottomCoding;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.OperationCancelledException;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.Role;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optimal full-domain generalisation with record suppression of any {@link Dataset}.
 *
 * <p>The run builds the frequency table of distinct quasi-identifier combinations in one pass over the
 * rows (on the calling thread; results never depend on {@link DeidConfig#threads()}), searches the lattice of hierarchy levels for the node
 * that satisfies every privacy model within the suppression limit and minimises the metric (see
 * {@link Metric} for the tie order), and writes the release. Same input and configuration give the same
 * release for any thread count.
 *
 * <p>Around the search: top and bottom coding ({@link DeidConfig#codings()}) recode the input first; with
 * {@link LocalSuppressionMode local suppression} the records the search would remove are kept and single
 * quasi-identifier cells are blanked instead ({@link LocalSuppression}), so that every record has k
 * compatible records under the wildcard rule; the re-identification risk ({@link RiskMeasures}) of the
 * input and of the release is measured for the report.
 *
 * <p>Progress and cancellation are settings of the operation ({@link Builder#progress}, {@link
 * Builder#cancellation}), set as on every long-running operation of the library ({@link OperationBuilder}):
 * a run reports the generalisation search as stage {@value #SEARCHING} (lattice nodes classified or passed,
 * out of the lattice size) and, with local suppression, stage {@value LocalSuppression#SUPPRESSING}, each on
 * the thread that runs, and stops
 * with {@link OperationCancelledException} when the signal is raised. The release is the same with or
 * without them.
 *
 * <pre>{@code
 * DeidResult result = Deidentifier.of(config).run(data);
 * DeidReport plan = Deidentifier.builder(config).progress(listener).cancellation(signal).build().plan(data);
 * }</pre>
 *
 * <p>This class is immutable and thread-safe: one object may run on many datasets, from many threads at
 * once, each run with its own state (the listener is then called from each of those threads, and one raised
 * signal stops them all). Its {@link Builder} is not thread-safe.
 */
public final class Deidentifier {
  private static final Logger LOG = LoggerFactory.getLogger(Deidentifier.class);

  /** The progress stage of the generalisation search. */
  public static final String SEARCHING = "searching";

  /** The operation named by {@link OperationCancelledException#operation()} when a run is cancelled. */
  public static final String OPERATION = "de-identification";

  private final DeidConfig config;
  private final ProgressListener progress;
  private final Cancellation cancellation;

  private Deidentifier(Builder b) {
    this.config = b.config;
    this.progress = b.progressListener();
    this.cancellation = b.cancellationSignal();
  }

  /**
   * Starts an operation with a configuration; progress and cancellation are none until set.
   *
   * @param config the configuration
   * @return a new builder
   * @throws NullPointerException if {@code config} is null
   */
  public static Builder builder(DeidConfig config) {
    return new Builder(config);
  }

  /**
   * The operation with a configuration, no progress listener and no cancellation signal.
   *
   * @param config the configuration
   * @return the operation
   * @throws NullPointerException if {@code config} is null
   */
  public static Deidentifier of(DeidConfig config) {
    return builder(config).build();
  }

  /** @return the configuration this operation runs */
  public DeidConfig config() {
    return config;
  }

  /**
   * De-identifies a dataset. The signal is checked before the run, at every node evaluation of the search
   * (and every few thousand nodes passed), at every checkpoint of local suppression, and before the release
   * is built; a raised signal stops the run with {@link OperationCancelledException} and nothing is
   * returned.
   *
   * @param data the input
   * @return the release, the report and, if requested, the lattice classification
   * @throws OperationCancelledException if the signal is raised before the run ends
   * @throws HierarchyException if a hierarchy does not cover a value of the data
   * @throws UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws DeidException if the configuration does not fit the data
   */
  public DeidResult run(Dataset data) {
    return run(data, config, true, progress, cancellation);
  }

  /**
   * Searches the optimal generalisation without writing the release: the report of what
   * {@link #run(Dataset)} would release (records suppressed, levels, metrics, search statistics, dropped
   * and pseudonymised variables), for planning and benchmarks. Risk is not measured (the report's
   * {@code riskBefore} and {@code riskAfter} are empty). With local suppression the cells are blanked as in
   * a run (their counts need the generalised records), and the result is then discarded.
   *
   * @param data the input
   * @return the report; its released-record count is the number of records that would be released
   * @throws OperationCancelledException if the signal is raised before the plan is complete
   * @throws HierarchyException if a hierarchy does not cover a value of the data
   * @throws UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws DeidException if the configuration does not fit the data
   */
  public DeidReport plan(Dataset data) {
    return run(data, config, false, progress, cancellation).report();
  }

  /**
   * Searches the optimal generalisation over a frequency table instead of the records: the same search as
   * {@link #plan(Dataset)}, and the same report as {@code plan} of the records the table counts, except
   * that a table built elsewhere knows nothing of top and bottom coding (its cells recoded are not
   * counted) and the search's own timing. The configuration's quasi-identifiers, hierarchies and models must
   * be those the table was made for; local suppression needs the records and is refused.
   *
   * @param table the frequency table of the records
   * @return the report
   * @throws IllegalArgumentException if the table is made for other quasi-identifiers, hierarchies or
   *     models, or the configuration sets local suppression
   * @throws OperationCancelledException if the signal is raised before the plan is complete
   * @throws UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws DeidException if the configuration does not fit the table's schema
   */
  public DeidReport plan(FrequencyTable table) {
    return planTable(table).report();
  }

  /**
   * The plan of {@link #plan(FrequencyTable)} with what is needed to apply it where the records are (on a
   * cluster, say): the chosen levels and which of the table's combinations are released. A record is
   * released when its combination is.
   *
   * @param table the frequency table of the records
   * @return the plan: the same report as {@link #plan(FrequencyTable)}, the levels and the released
   *     combinations
   * @throws IllegalArgumentException if the table is made for other quasi-identifiers, hierarchies or
   *     models, or the configuration sets local suppression
   * @throws OperationCancelledException if the signal is raised before the plan is complete
   * @throws UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws DeidException if the configuration does not fit the table's schema
   */
  public TablePlan planTable(FrequencyTable table) {
    DeidConfig tc = table.config();
    if (!tc.quasiIdentifiers().equals(config.quasiIdentifiers()) || !tc.hierarchies().equals(config.hierarchies())
        || !tc.models().equals(config.models())) {
      throw new IllegalArgumentException("table: made for other quasi-identifiers, hierarchies or models than "
          + "this operation's configuration");
    }
    if (config.localSuppression() != LocalSuppressionMode.NONE) {
      throw new IllegalArgumentException("table: localSuppression " + config.localSuppression()
          + " needs the records, not their frequency table");
    }
    cancellation.throwIfCancelled(OPERATION);
    long start = System.nanoTime();
    Schema schema = table.schema();
    validate(schema, config);
    int m = config.quasiIdentifiers().size();
    Engine engine =
        Engine.prepare(table.levelZero(), config.models(), config.suppressionLimit(), config.metric());
    Search search = search(engine, config, false, progress, cancellation);
    Search.Outcome out = search.run(config.classifyLattice());
    int[] chosen = chosen(out, engine, config);
    int[][] ids = new int[m][];
    cancellation.throwIfCancelled(OPERATION);
    boolean[] keep = engine.applyToBase(out, ids);
    long[] weight = new long[keep.length];
    for (int c = 0; c < weight.length; c++) {
      weight[c] = table.count(c);
    }
    double[] facts = Search.facts(out);
    long suppressed = (long) facts[0];
    long wildcard = config.missingValues() == MissingValues.WILDCARD
        ? wildcardSmallest(ids, keep, weight, chosen, engine) : -1;
    List<DeidReport.QiLevel> levels = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      java.util.BitSet in = new java.util.BitSet();
      java.util.BitSet seen = new java.util.BitSet();
      for (int c = 0; c < keep.length; c++) {
        if (keep[c] && engine.missingOf(i, 0, engine.baseId(c, i)) == 0) {
          in.set(engine.baseId(c, i));
        }
        if (keep[c] && engine.missingOf(i, chosen[i], ids[i][c]) == 0) {
          seen.set(ids[i][c]);
        }
      }
      levels.add(qiLevel(config, i, chosen[i], in.cardinality(), seen.cardinality()));
    }
    Map<String, Long> cells = new LinkedHashMap<>();
    config.quasiIdentifiers().forEach(q -> cells.put(q, 0L));
    return new TablePlan(report(schema, config, levels, engine, out, suppressed, engine.maxSuppressed(),
        (long) facts[1], Search.smallestReleasedClass(out), wildcard, cells, 0, Map.of(), facts, start, null, null),
        chosen, keep);
  }

  private static Search search(Engine engine, DeidConfig config, boolean alone, ProgressListener progress,
      Cancellation cancellation) {
    int m = config.quasiIdentifiers().size();
    long deadline =
        config.timeBudget().map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
    int[] minLevels = alone ? new int[m] : config.minLevels();
    int[] maxLevels = alone ? new int[m] : config.maxLevels();
    cancellation.throwIfCancelled(OPERATION);
    return new Search(engine, minLevels, maxLevels, config.nodeBudget(), deadline,
        new Ticker(SEARCHING, OPERATION, progress, cancellation));
  }

  /** The chosen node's levels, or the failure when no node satisfies the models. */
  private static int[] chosen(Search.Outcome out, Engine engine, DeidConfig config) {
    if (out.levels == null) {
      throw new UnsatisfiableModelException(
          "no generalisation within the level bounds satisfies " + describe(config.models())
              + " with at most " + engine.maxSuppressed() + " of " + engine.rows() + " records suppressed"
              + (out.optimal ? "" : " (the search stopped at its budget)"));
    }
    return out.levels;
  }

  private static DeidReport.QiLevel qiLevel(DeidConfig config, int i, int level, long distinctIn,
      long distinctOut) {
    Hierarchy h = config.hierarchies().get(i);
    return new DeidReport.QiLevel(config.quasiIdentifiers().get(i), h.name(), level, h.height(), h.levelName(level),
        distinctIn, distinctOut);
  }

  private static DeidReport report(Schema schema, DeidConfig config, List<DeidReport.QiLevel> levels, Engine engine,
      Search.Outcome out, long suppressedRecords, long maxSuppressed, long classes, long smallest, long wildcard,
      Map<String, Long> cells, long recordsWithCells, Map<String, Long> recoded, double[] facts, long start,
      DeidReport.@Nullable RiskSummary before, DeidReport.@Nullable RiskSummary after) {
    List<String> dropped = new ArrayList<>();
    List<String> pseudonymised = new ArrayList<>();
    dispositions(schema, config, dropped, pseudonymised);
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (Metric mt : Metric.values()) {
      metrics.put(mt.name(), facts[2 + mt.ordinal()]);
    }
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    DeidReport report =
        new DeidReport(schema.id(), levels, describeAll(config.models()), config.suppressionLimit(),
            config.metric(), config.missingValues(), config.localSuppression(),
            config.codings().stream().map(DeidConfig.Coding::toString).toList(), dropped, pseudonymised,
            engine.rows(), suppressedRecords, maxSuppressed, engine.rows() - suppressedRecords, classes, smallest,
            wildcard, cells, recordsWithCells, recoded, metrics, out.latticeSize, out.evaluations, out.optimal,
            elapsed, Optional.ofNullable(before), Optional.ofNullable(after));
    LOG.debug("de-identified {} rows: {} suppressed, {} cells blanked, {} of {} nodes evaluated", engine.rows(),
        suppressedRecords, report.totalCellsSuppressed(), out.evaluations, out.latticeSize);
    return report;
  }

  /**
   * Builds a {@link Deidentifier}: the configuration, a progress listener and a cancellation signal. Each
   * setter checks its argument. Not thread-safe.
   */
  public static final class Builder extends AbstractOperationBuilder<Builder> {
    private final DeidConfig config;

    private Builder(DeidConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the operation, immutable and thread-safe */
    public Deidentifier build() {
      return new Deidentifier(this);
    }
  }

  private static DeidResult run(Dataset input, DeidConfig config, boolean write, ProgressListener progress,
      Cancellation cancellation) {
    java.util.Objects.requireNonNull(progress, "progress");
    java.util.Objects.requireNonNull(cancellation, "cancellation");
    cancellation.throwIfCancelled(OPERATION);
    long start = System.nanoTime();
    Schema schema = input.schema();
    validate(schema, config);
    LocalSuppressionMode mode = config.localSuppression();
    boolean local = mode != LocalSuppressionMode.NONE;
    boolean alone = mode == LocalSuppressionMode.ALONE;
    boolean wildcardRule = local || config.missingValues() == MissingValues.WILDCARD;
    DeidReport.RiskSummary before = write ? risk(riskInput(input, config), config, wildcardRule, "input") : null;

    // top and bottom coding, before everything else
    Dataset data = input;
    Map<String, Long> recoded = new LinkedHashMap<>();
    for (DeidConfig.Coding c : config.codings()) {
      TopBottomCoding.Result cr;
      try {
        cr = c.top() ? TopBottomCoding.top(data, c.variable(), c.threshold())
            : TopBottomCoding.bottom(data, c.variable(), c.threshold());
      } catch (RiskException e) {
        throw new DeidException("configuration: " + c + ": " + e.getMessage(), e);
      }
      data = cr.dataset();
      recoded.merge(c.variable(), cr.recodedCells(), Long::sum);
    }

    int m = config.quasiIdentifiers().size();
    Engine engine =
        Engine.prepare(data, config.quasiIdentifiers(), config.hierarchies(), config.models(),
            alone ? 1.0 : config.suppressionLimit(), config.metric(), config.threads());
    Search search = search(engine, config, alone, progress, cancellation);
    Search.Outcome out = search.run(config.classifyLattice());
    int[] chosen = chosen(out, engine, config);
    int[][] ids = new int[m][];
    boolean[] keep = null;
    Dataset release = null;
    cancellation.throwIfCancelled(OPERATION);
    keep = engine.apply(data, out, ids);
    if (local) {
      java.util.Arrays.fill(keep, true);
    }
    if (write || local) {
      release = release(data, config, engine, chosen, ids, keep);
    }
    double[] facts = Search.facts(out);
    long suppressedRecords = local ? 0 : (long) facts[0];
    long maxSuppressed = alone ? 0 : engine.maxSuppressed();
    long classes = (long) facts[1];
    long smallest = Search.smallestReleasedClass(out);
    long wildcard = -1;
    Map<String, Long> cells = new LinkedHashMap<>();
    for (String q : config.quasiIdentifiers()) {
      cells.put(q, 0L);
    }
    long recordsWithCells = 0;
    DeidReport.RiskSummary after = null;
    if (local) {
      release = Objects.requireNonNull(release); // made above for local suppression
      int k = largestK(config);
      int n = release.rowCount();
      if (n > 0 && n < k) {
        throw new UnsatisfiableModelException(describe(config.models()) + " cannot be reached by local suppression: "
            + "the input has " + n + " records");
      }
      LocalSuppression.Builder ob = LocalSuppression.builder(config.quasiIdentifiers(), k).progress(progress)
          .cancellation(cancellation);
      if (!config.suppressionImportance().isEmpty()) {
        ob.importance(config.suppressionImportance());
      }
      LocalSuppression.Result ls;
      try {
        ls = ob.build().apply(release);
      } catch (RiskException e) {
        throw new DeidException("local suppression: " + e.getMessage(), e);
      }
      recordsWithCells = newlyMissingRows(release, ls.dataset(), config.quasiIdentifiers());
      cells.putAll(ls.suppressedCells());
      release = ls.dataset();
      RiskReport exact = measure(release, config, true, "release");
      classes = exact.classes();
      smallest = exact.classSizeHistogram().isEmpty() ? 0 : exact.classSizeHistogram().firstKey();
      wildcard = java.util.Arrays.stream(exact.fkValues()).min().orElse(0);
      after = write ? DeidReport.RiskSummary.of(exact) : null;
    } else {
      if (config.missingValues() == MissingValues.WILDCARD) {
        wildcard = wildcardSmallest(ids, keep, null, chosen, engine);
      }
      after = write ? risk(Objects.requireNonNull(release), config, wildcardRule, "release") : null; // made above
    }
    List<DeidReport.QiLevel> levels = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      String q = config.quasiIdentifiers().get(i);
      long distinctIn = distinct(input, input.column(q), keep);
      long distinctOut;
      if (release != null) {
        distinctOut = distinct(release, release.column(q), null);
      } else {
        java.util.BitSet seen = new java.util.BitSet();
        for (int r = 0; r < keep.length; r++) {
          if (keep[r] && engine.missingOf(i, chosen[i], ids[i][r]) == 0) {
            seen.set(ids[i][r]);
          }
        }
        distinctOut = seen.cardinality();
      }
      levels.add(qiLevel(config, i, chosen[i], distinctIn, distinctOut));
    }
    List<LatticeNode> lattice = lattice(config, search, out);
    DeidReport report = report(schema, config, levels, engine, out, suppressedRecords, maxSuppressed, classes,
        smallest, wildcard, cells, recordsWithCells, recoded, facts, start, before, after);
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

  private static List<LatticeNode> lattice(DeidConfig config, Search search, Search.Outcome out) {
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
    return lattice;
  }

  /** Checks that the configuration fits the schema. */
  private static void validate(Schema schema, DeidConfig config) {
    for (String v : config.roleOverrides()) {
      if (schema.indexOf(v) < 0) {
        throw new DeidException("configuration names variable '" + v + "', which schema " + schema.id() + " lacks");
      }
    }
    for (DeidConfig.Coding c : config.codings()) {
      if (schema.indexOf(c.variable()) < 0) {
        throw new DeidException("configuration codes variable '" + c.variable() + "', which schema " + schema.id()
            + " lacks");
      }
    }
    if (config.riskWeights().isPresent() && schema.indexOf(config.riskWeights().get()) < 0) {
      throw new DeidException("configuration names weight variable '" + config.riskWeights().get()
          + "', which schema " + schema.id() + " lacks");
    }
    for (Variable v : schema.variables()) {
      if (roleOf(v, config) == Role.QUASI_IDENTIFIER && config.hierarchy(v.name()).isEmpty()) {
        throw new DeidException(
            "variable '" + v.name() + "' is a quasi-identifier in schema " + schema.id()
                + " but the configuration gives it no hierarchy; add one or override its role");
      }
    }
  }

  /**
   * Distinct non-missing values of a column over the rows marked (all rows when {@code rows} is null): codes
   * of a closed variable, numbers of a year or count, texts otherwise.
   */
  private static long distinct(Dataset d, int col, boolean @Nullable [] rows) {
    Variable v = d.variable(col);
    boolean codes = v.kind().isClosed() && !v.isMultiValued();
    boolean ints = v.kind() == VariableKind.YEAR || v.kind() == VariableKind.COUNT;
    java.util.BitSet seenCodes = new java.util.BitSet();
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (int r = 0; r < d.rowCount(); r++) {
      if ((rows != null && !rows[r]) || d.isMissing(r, col)) {
        continue;
      }
      if (codes) {
        seenCodes.set(d.code(r, col));
      } else if (ints) {
        seen.add(d.intValue(r, col));
      } else {
        seen.add(d.token(r, col));
      }
    }
    return seenCodes.cardinality() + seen.size();
  }

  private static int largestK(DeidConfig config) {
    int k = 1;
    for (PrivacyModel pm : config.models()) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        k = Math.max(k, ka.k());
      }
    }
    return k;
  }

  /** Rows with a quasi-identifier cell missing in {@code after} but not in {@code before}. */
  private static long newlyMissingRows(Dataset before, Dataset after, List<String> qis) {
    int[] cols = qis.stream().mapToInt(before::column).toArray();
    long rows = 0;
    for (int r = 0; r < before.rowCount(); r++) {
      for (int c : cols) {
        if (after.isMissing(r, c) && !before.isMissing(r, c)) {
          rows++;
          break;
        }
      }
    }
    return rows;
  }

  private static RiskReport measure(Dataset d, DeidConfig config, boolean wildcard, String what) {
    RiskOptions o = new RiskOptions(config.riskSmallClassThreshold(), config.riskThreshold(),
        config.riskWeights().orElse(""), wildcard);
    try {
      return RiskMeasures.of(d, config.quasiIdentifiers(), o);
    } catch (RiskException e) {
      throw new DeidException("risk of the " + what + ": " + e.getMessage(), e);
    }
  }

  private static DeidReport.RiskSummary risk(Dataset d, DeidConfig config, boolean wildcard, String what) {
    return DeidReport.RiskSummary.of(measure(d, config, wildcard, what));
  }

  /**
   * The input as {@link RiskMeasures} can read it: the input itself when every quasi-identifier is a
   * single-valued closed, year or count variable; otherwise a projection of the quasi-identifiers (and the
   * weight variable) in which every other quasi-identifier is categorical over its tokens.
   */
  private static Dataset riskInput(Dataset data, DeidConfig config) {
    List<String> qis = config.quasiIdentifiers();
    boolean readable = true;
    for (String q : qis) {
      Variable v = data.variable(data.column(q));
      readable &= (v.kind().isClosed() && !v.isMultiValued()) || v.kind().isInteger();
    }
    if (readable) {
      return data;
    }
    List<String> cols = new ArrayList<>(qis);
    config.riskWeights().filter(w -> !cols.contains(w)).ifPresent(cols::add);
    Schema.Builder sb = Schema.builder(data.schema().name() + "-risk", data.schema().version());
    int[] src = new int[cols.size()];
    List<Map<String, Integer>> codeOf = new ArrayList<>();
    for (int j = 0; j < cols.size(); j++) {
      src[j] = data.column(cols.get(j));
      Variable v = data.variable(src[j]);
      if ((v.kind().isClosed() && !v.isMultiValued()) || v.kind().isInteger()) {
        sb.add(v);
        codeOf.add(null);
        continue;
      }
      java.util.TreeSet<String> tokens = new java.util.TreeSet<>();
      for (int r = 0; r < data.rowCount(); r++) {
        if (!data.isMissing(r, src[j])) {
          tokens.add(data.token(r, src[j]));
        }
      }
      Map<String, Integer> idx = new java.util.HashMap<>();
      for (String t : tokens) {
        idx.put(t, idx.size());
      }
      codeOf.add(idx);
      String[] codes = tokens.isEmpty() ? new String[] {"-"} : tokens.toArray(new String[0]);
      sb.add(Variable.builder(v.name(), VariableKind.CATEGORICAL).values(ValueSet.ofCodes(codes)).build());
    }
    Dataset.Appender app = Dataset.appender(sb.build());
    for (int r = 0; r < data.rowCount(); r++) {
      for (int j = 0; j < cols.size(); j++) {
        int c = src[j];
        if (data.isMissing(r, c)) {
          app.setMissing(j, data.missingReason(r, c).orElse(MissingReason.UNKNOWN));
        } else if (codeOf.get(j) != null) {
          app.setCode(j, Objects.requireNonNull(codeOf.get(j).get(data.token(r, c)))); // every token has a code
        } else if (data.variable(c).kind().isInteger()) {
          app.setInt(j, data.intValue(r, c));
        } else {
          app.setCode(j, data.code(r, c));
        }
      }
      app.endRow();
    }
    return app.build();
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

  /** What happens to a variable in the release. */
  private enum Disposition { QUASI_IDENTIFIER, KEEP, PSEUDONYMISE, DROP }

  private static Disposition disposition(Variable v, DeidConfig config) {
    Role role = roleOf(v, config);
    if (config.quasiIdentifiers().contains(v.name())) {
      return Disposition.QUASI_IDENTIFIER;
    }
    if (role == Role.IDENTIFIER || v.kind() == VariableKind.FREE_TEXT) {
      return role == Role.IDENTIFIER && config.pseudonymises() && v.kind().isText() && !v.isMultiValued()
          ? Disposition.PSEUDONYMISE
          : Disposition.DROP;
    }
    return Disposition.KEEP;
  }

  private static void dispositions(Schema schema, DeidConfig config, List<String> dropped,
      List<String> pseudonymised) {
    for (Variable v : schema.variables()) {
      switch (disposition(v, config)) {
        case DROP -> dropped.add(v.name());
        case PSEUDONYMISE -> pseudonymised.add(v.name());
        default -> { }
      }
    }
  }

  private static Dataset release(Dataset data, DeidConfig config, Engine engine, int[] levels, int[][] ids,
      boolean[] keep) {
    Schema in = data.schema();
    Schema.Builder sb = Schema.builder(in.name() + "-deid", in.version()).format(in.format())
        .description("De-identified release of " + in.id());
    List<String> qis = config.quasiIdentifiers();
    int cols = in.size();
    int[] target = new int[cols];
    int[] qiOf = new int[cols];
    boolean[] pseudo = new boolean[cols];
    int next = 0;
    boolean anyPseudo = false;
    for (int c = 0; c < cols; c++) {
      Variable v = in.variables().get(c);
      Disposition disp = disposition(v, config);
      qiOf[c] = qis.indexOf(v.name());
      target[c] = -1;
      if (qiOf[c] >= 0) {
        int i = qiOf[c];
        List<String> labels = engine.labels(i, levels[i]);
        sb.add(Variable.builder(v.name(), VariableKind.CATEGORICAL).label(v.label()).definition(v.definition())
            .values(ValueSet.ofCodes(labels.toArray(new String[0]))).role(Role.QUASI_IDENTIFIER)
            .note("generalised to level " + levels[i] + " of hierarchy " + config.hierarchies().get(i).name())
            .build());
      } else if (disp == Disposition.PSEUDONYMISE) {
        pseudo[c] = true;
        anyPseudo = true;
        sb.add(Variable.builder(v.name(), VariableKind.IDENTIFIER).label(v.label())
            .definition("keyed pseudonym (HMAC-SHA-256, hex) of " + v.name()).role(Role.IDENTIFIER).build());
      } else if (disp == Disposition.DROP) {
        continue;
      } else {
        sb.add(v);
      }
      target[c] = next++;
    }
    Schema out = sb.build();
    Dataset.Appender app = Dataset.appender(out);
    Mac mac = null;
    if (anyPseudo) {
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
          app.setText(t, pseudonym(Objects.requireNonNull(mac), data.text(r, c))); // made when anyPseudo
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

  /**
   * Under the wildcard rule, the least number of released records a released record matches: over rows, or
   * over weighted rows (combinations of the level-0 table, each weighing its count) when {@code weight} is
   * given.
   */
  private static long wildcardSmallest(int[][] ids, boolean[] keep, long @Nullable [] weight, int[] levels,
      Engine engine) {
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
      classes.merge(key, weight == null ? 1L : weight[r], Long::sum);
    }
    List<List<Integer>> keys = new ArrayList<>(classes.keySet());
    List<List<Integer>> withMissing = keys.stream().filter(k -> k.contains(-1)).toList();
    long min = Long.MAX_VALUE;
    for (List<Integer> a : keys) {
      long count = Objects.requireNonNull(classes.get(a)); // keys lists its keys
      List<List<Integer>> others = a.contains(-1) ? keys : withMissing;
      for (List<Integer> b : others) {
        if (b != a && compatible(a, b)) {
          count += Objects.requireNonNull(classes.get(b));
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
