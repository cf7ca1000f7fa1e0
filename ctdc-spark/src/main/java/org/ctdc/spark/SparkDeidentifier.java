package org.ctdc.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.ctdc.deid.DeidConfig;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.Deidentifier;
import org.ctdc.deid.FrequencyTable;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.LocalSuppressionMode;
import org.ctdc.deid.MissingValues;
import org.ctdc.deid.PrivacyModel;
import org.ctdc.deid.TablePlan;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.MissingReason;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.ProgressListener;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.ctdc.spark.internal.Columns;
import org.ctdc.spark.internal.RiskSums;
import org.jspecify.annotations.Nullable;

/**
 * Optimal full-domain generalisation with record suppression of a Spark {@code Dataset<Row>}: the same
 * search and the same release as {@link Deidentifier#run(org.ctdc.schema.Dataset)} on one machine, with the
 * records staying on the cluster.
 *
 * <ol>
 *   <li>The level-0 frequency table: each quasi-identifier's values become their hierarchy leaf codes by a
 *       lookup map built from the column's distinct values (a Spark expression, shipped with the plan), then
 *       a group-by over the codes and the sensitive variables counts the combinations; the result (one row
 *       per combination and sensitive value) is collected to the driver as the library's {@link
 *       FrequencyTable}.
 *   <li>The search runs on the driver ({@link Deidentifier#planTable(FrequencyTable)}).
 *   <li>The release, on the cluster: records whose combination is suppressed are removed (an anti-join with
 *       the broadcast suppressed combinations), each quasi-identifier becomes its label at the chosen level
 *       (a lookup map), identifiers and free text are dropped or pseudonymised (HMAC-SHA-256, as the local
 *       run), the other variables are kept as they are.
 *   <li>The release is verified on the cluster by {@link ClusterVerifier} (its own group-by, no code shared
 *       with the search); a release that fails is never returned: {@link #run} throws.
 *   <li>The risk before and after ({@link org.ctdc.deid.risk.RiskMeasures}' definitions) from group-bys of
 *       the input and of the release, for the same {@link DeidReport} as the local run.
 * </ol>
 *
 * <p>Input: every variable of the schema is a column of the dataset, of any type Spark casts to string; a
 * cell is the variable's value as the schema's CSV writes it (a code, an integer), and null or one of the
 * schema format's missing tokens is missing (reason unknown, as the CSV reader reads it). Columns the schema
 * does not name are not released. Not supported on the cluster (refused when the operation is made, with
 * {@link IllegalArgumentException}): local suppression, the wildcard rule for missing values, top and bottom
 * coding, risk weights, and t-closeness with a hierarchical distance.
 *
 * <pre>{@code
 * SparkDeidResult result = SparkDeidentifier.of(config, schema).run(spark.read().parquet(input));
 * result.write(output, OutputFormat.PARQUET);   // the release and report.json
 * }</pre>
 *
 * <p>This class is immutable and thread-safe: one object may run on many datasets, one after the other or
 * from many driver threads. Its {@link Builder} is not thread-safe.
 */
public final class SparkDeidentifier {
  private final DeidConfig config;
  private final Schema schema;
  private final ProgressListener progress;
  private final Cancellation cancellation;
  private final byte @Nullable [] pseudonymKey;

  private SparkDeidentifier(Builder b) {
    this.pseudonymKey = b.pseudonymKey;
    this.config = b.config;
    this.schema = b.schema;
    this.progress = b.progress;
    this.cancellation = b.cancellation;
  }

  /**
   * Starts an operation.
   *
   * @param config the configuration
   * @param schema the schema of the records: their variables' kinds and value sets
   * @return a builder
   * @throws IllegalArgumentException if the configuration asks for what the cluster path does not do (see
   *     the class description), or names a variable the schema lacks
   */
  public static Builder builder(DeidConfig config, Schema schema) {
    return new Builder(config, schema);
  }

  /**
   * The operation with no progress listener and no cancellation signal.
   *
   * @param config the configuration
   * @param schema the schema of the records
   * @return the operation
   * @throws IllegalArgumentException as {@link #builder}
   */
  public static SparkDeidentifier of(DeidConfig config, Schema schema) {
    return builder(config, schema).build();
  }

  /** @return the configuration */
  public DeidConfig config() {
    return config;
  }

  /** @return the schema of the records */
  public Schema schema() {
    return schema;
  }

  /**
   * The level-0 frequency table of the records, by a group-by on the cluster.
   *
   * @param data the records
   * @return the table, equal to {@link FrequencyTable#of(org.ctdc.schema.Dataset, DeidConfig)} of the same
   *     records read on one machine
   * @throws SparkDeidException if a column is missing, or a value is not a level-0 value of its hierarchy
   *     or not a value of its variable
   */
  public FrequencyTable frequencyTable(Dataset<Row> data) {
    return codes(data).table();
  }

  /**
   * De-identifies the records: the table, the search, the release and its verification, the risk.
   *
   * @param data the records
   * @return the verified release (a lazily computed dataset) and the report
   * @throws SparkDeidException if a column is missing, a value does not fit, or the release fails its
   *     verification (then nothing is released)
   * @throws org.ctdc.deid.UnsatisfiableModelException if no node satisfies the models within the limit
   * @throws org.ctdc.schema.OperationCancelledException if the signal is raised before the run ends
   */
  public SparkDeidResult run(Dataset<Row> data) {
    long start = System.nanoTime();
    cancellation.throwIfCancelled(Deidentifier.OPERATION);
    Coded coded = codes(data);
    FrequencyTable table = coded.table();
    TablePlan plan = Deidentifier.builder(config).progress(progress).cancellation(cancellation).build()
        .planTable(table);
    cancellation.throwIfCancelled(Deidentifier.OPERATION);
    DeidReport planned = plan.report();
    Dataset<Row> release = release(coded, table, plan, planned);

    // verification, before anything is handed out
    VerificationSpec spec = spec(table, planned.inputRecords());
    ClusterVerifier.Result verified = ClusterVerifier.verify(release, spec, release.sparkSession());
    if (!verified.passed()) {
      throw new SparkDeidException("the release failed its verification on the cluster ("
          + verified.summary() + "); nothing is released");
    }
    if (verified.rows() != planned.releasedRecords()) {
      throw new SparkDeidException("the release has " + verified.rows() + " records where the plan releases "
          + planned.releasedRecords() + "; nothing is released");
    }
    cancellation.throwIfCancelled(Deidentifier.OPERATION);
    RiskOptions ro = new RiskOptions(config.riskSmallClassThreshold(), config.riskThreshold(), "", false);
    DeidReport.RiskSummary before = RiskSums.summary(inputClasses(table),
        RiskSums.inputOrder(schema, config.quasiIdentifiers()), ro);
    DeidReport.RiskSummary after = RiskSums.summary(verified.classCounts(),
        RiskSums.releaseOrder(config.hierarchies(), plan.levels()), ro);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    DeidReport r = planned;
    DeidReport report = new DeidReport(r.schema(), r.quasiIdentifiers(), r.models(), r.suppressionLimit(),
        r.metric(), r.missingValues(), r.localSuppression(), r.codings(), r.droppedVariables(),
        r.pseudonymisedVariables(), r.inputRecords(), r.recordsSuppressed(), r.maxSuppressed(),
        r.releasedRecords(), r.classes(), r.smallestClass(), r.wildcardSmallestMatch(), r.cellsSuppressed(),
        r.recordsWithSuppressedCells(), r.recodedCells(), r.metrics(), r.latticeSize(), r.nodesEvaluated(),
        r.optimal(), elapsed, java.util.Optional.of(before), java.util.Optional.of(after));
    return new SparkDeidResult(release, report, verified, schema);
  }

  /** The input with every schema variable as a string column (null for missing), and the QI codes. */
  private record Coded(Dataset<Row> tokens, Column[] qiCodes, FrequencyTable table) {}

  private Coded codes(Dataset<Row> data) {
    Objects.requireNonNull(data, "data");
    List<String> present = List.of(data.columns());
    List<Column> cols = new ArrayList<>();
    for (Variable v : schema.variables()) {
      if (!present.contains(v.name())) {
        throw new SparkDeidException("the input has no column '" + v.name() + "' of schema " + schema.id());
      }
      cols.add(Columns.token(Columns.col(v.name()), schema.format().missingTokens()).as(v.name()));
    }
    Dataset<Row> tokens = data.select(cols.toArray(new Column[0]));
    FrequencyTable.Builder b = FrequencyTable.builder(schema, config);
    List<String> qis = config.quasiIdentifiers();
    int m = qis.size();
    Column[] qiCodes = new Column[m];
    List<List<String>> distinctValues = Columns.distinct(tokens, qis);
    for (int i = 0; i < m; i++) {
      String q = qis.get(i);
      Hierarchy h = config.hierarchies().get(i);
      Variable v = schema.variables().get(schema.indexOf(q));
      List<String> distinct = distinctValues.get(i);
      Map<String, Integer> codeOf = new java.util.TreeMap<>();
      for (String token : distinct) {
        String leaf = Columns.leafOf(v, schema.format(), h, token);
        if (leaf == null) {
          throw new SparkDeidException("variable '" + q + "': a value of the input is not a level-0 value of "
              + "hierarchy '" + h.name() + "' (rule: every value of a quasi-identifier is a leaf of its hierarchy)");
        }
        codeOf.put(token, b.code(q, leaf));
      }
      qiCodes[i] = Columns.lookup(Columns.col(q), codeOf, b.missingCode(q, MissingReason.UNKNOWN)).as("_q" + i);
    }
    List<String> sens = config.sensitiveVariables();
    List<Column> keys = new ArrayList<>(List.of(qiCodes));
    for (String s : sens) {
      keys.add(Columns.col(s));
    }
    List<Row> groups = tokens.groupBy(keys.toArray(new Column[0])).count().collectAsList();
    int[] qc = new int[m];
    int[] sc = new int[sens.size()];
    for (Row g : groups) {
      for (int i = 0; i < m; i++) {
        qc[i] = g.getInt(i);
      }
      for (int j = 0; j < sens.size(); j++) {
        String s = sens.get(j);
        if (g.isNullAt(m + j)) {
          sc[j] = b.sensitiveMissingCode(s, MissingReason.UNKNOWN);
        } else {
          try {
            Variable sv = schema.variables().get(schema.indexOf(s));
            sc[j] = b.sensitiveCode(s, Columns.valueCode(sv, schema.format(), g.getString(m + j)));
          } catch (IllegalArgumentException e) {
            throw new SparkDeidException("variable '" + s + "': a value of the input is not a value of the "
                + "variable (rule: a sensitive value is a code of its value set or an integer)", e);
          }
        }
      }
      b.add(qc.clone(), sc.clone(), g.getLong(m + sens.size()));
    }
    return new Coded(tokens, qiCodes, b.build());
  }

  private Dataset<Row> release(Coded coded, FrequencyTable table, TablePlan plan, DeidReport report) {
    List<String> qis = config.quasiIdentifiers();
    int m = qis.size();
    Dataset<Row> tokens = coded.tokens();
    Dataset<Row> withCodes = tokens;
    for (int i = 0; i < m; i++) {
      withCodes = withCodes.withColumn("_q" + i, coded.qiCodes()[i]);
    }
    List<int[]> suppressed = new ArrayList<>();
    for (int c = 0; c < table.size(); c++) {
      if (!plan.released(c)) {
        int[] k = new int[m];
        for (int i = 0; i < m; i++) {
          k[i] = table.code(c, i);
        }
        suppressed.add(k);
      }
    }
    Dataset<Row> kept = suppressed.isEmpty() ? withCodes
        : Columns.antiJoin(withCodes, m, suppressed, tokens.sparkSession());
    List<Column> out = new ArrayList<>();
    for (Variable v : schema.variables()) {
      String name = v.name();
      int i = qis.indexOf(name);
      if (i >= 0) {
        Hierarchy h = config.hierarchies().get(i);
        int level = plan.levels().get(i);
        out.add(Columns.generalise(Columns.col("_q" + i), h, level).as(name));
      } else if (report.pseudonymisedVariables().contains(name)) {
        byte[] key = pseudonymKey;
        if (key == null) {
          throw new IllegalStateException("pseudonymKey: the configuration pseudonymises '" + name
              + "'; give the same key to the builder's pseudonymKey");
        }
        out.add(Columns.pseudonym(Columns.col(name), key).as(name));
      } else if (!report.droppedVariables().contains(name)) {
        out.add(Columns.col(name));
      }
    }
    return kept.select(out.toArray(new Column[0]));
  }

  /** The specification the release is verified against, as the local run's {@code verificationSpec()}. */
  private VerificationSpec spec(FrequencyTable table, long inputRecords) {
    VerificationSpec.Builder b = VerificationSpec.builder().quasiIdentifiers(config.quasiIdentifiers());
    for (int i = 0; i < config.quasiIdentifiers().size(); i++) {
      b.hierarchy(config.quasiIdentifiers().get(i), config.hierarchies().get(i).rows());
    }
    int k = 1;
    for (PrivacyModel pm : config.models()) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        k = Math.max(k, ka.k());
      } else if (pm instanceof PrivacyModel.DistinctLDiversity d) {
        b.distinctL(d.variable(), d.l());
      } else if (pm instanceof PrivacyModel.EntropyLDiversity e) {
        b.entropyL(e.variable(), e.l());
      } else if (pm instanceof PrivacyModel.RecursiveClDiversity r) {
        b.recursiveCL(r.variable(), r.c(), r.l());
      } else if (pm instanceof PrivacyModel.TCloseness t) {
        b.tClosenessEqual(t.variable(), t.t());
        b.tClosenessReference(t.variable(), reference(table, t.variable()));
      }
    }
    return b.k(k).missingAsWildcard(false)
        .suppressionLimit(config.suppressionLimit(), Math.toIntExact(inputRecords)).build();
  }

  /**
   * The classes of the input over the quasi-identifiers, from the level-0 table (a combination of leaf
   * codes is a combination of input values): leaf labels, null where missing.
   */
  private List<ReleaseClass> inputClasses(FrequencyTable table) {
    int m = config.quasiIdentifiers().size();
    List<ReleaseClass> out = new ArrayList<>();
    for (int c = 0; c < table.size(); c++) {
      List<@Nullable String> values = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        List<String> leaves = config.hierarchies().get(i).leaves();
        int code = table.code(c, i);
        values.add(code < leaves.size() ? leaves.get(code) : null);
      }
      out.add(new ReleaseClass(values, table.count(c)));
    }
    return out;
  }

  /** The input's distribution of a sensitive variable, as the release writes it, missing as {@code ""}. */
  private Map<String, Long> reference(FrequencyTable table, String variable) {
    Variable v = schema.variables().get(schema.indexOf(variable));
    Map<String, Long> out = new java.util.TreeMap<>();
    for (int c = 0; c < table.size(); c++) {
      long present = 0;
      for (Map.Entry<String, Long> e : table.distribution(c, variable).entrySet()) {
        out.merge(Columns.tokenOf(v, schema.format(), e.getKey()), e.getValue(), Long::sum);
        present += e.getValue();
      }
      if (table.count(c) > present) {
        out.merge("", table.count(c) - present, Long::sum);
      }
    }
    return out;
  }

  /**
   * Builds a {@link SparkDeidentifier}: the configuration and schema, then a progress listener (stage
   * {@value Deidentifier#SEARCHING}, called on the driver) and a cancellation signal (checked between the
   * cluster jobs and in the search). Not thread-safe.
   */
  public static final class Builder implements OperationBuilder<Builder> {
    private final DeidConfig config;
    private final Schema schema;
    private ProgressListener progress = ProgressListener.none();
    private Cancellation cancellation = Cancellation.none();
    private byte @Nullable [] pseudonymKey;

    private Builder(DeidConfig config, Schema schema) {
      this.config = Objects.requireNonNull(config, "config");
      this.schema = Objects.requireNonNull(schema, "schema");
      if (config.localSuppression() != LocalSuppressionMode.NONE) {
        throw new IllegalArgumentException("config: localSuppression " + config.localSuppression()
            + " is not supported on Spark (it needs the records on one machine)");
      }
      if (config.missingValues() == MissingValues.WILDCARD) {
        throw new IllegalArgumentException("config: missingValues WILDCARD is not supported on Spark");
      }
      if (!config.codings().isEmpty()) {
        throw new IllegalArgumentException("config: top and bottom coding are not supported on Spark");
      }
      if (config.riskWeights().isPresent()) {
        throw new IllegalArgumentException("config: riskWeights is not supported on Spark");
      }
      for (PrivacyModel pm : config.models()) {
        if (pm instanceof PrivacyModel.TCloseness t && t.hierarchy().isPresent()) {
          throw new IllegalArgumentException("config: t-closeness of '" + t.variable()
              + "' with a hierarchical distance is not supported on Spark");
        }
      }
      for (String q : config.quasiIdentifiers()) {
        if (schema.indexOf(q) < 0) {
          throw new IllegalArgumentException("config: quasi-identifier '" + q + "' is not in schema " + schema.id());
        }
      }
    }

    @Override
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    @Override
    public Builder cancellation(Cancellation signal) {
      this.cancellation = Objects.requireNonNull(signal, "signal");
      return this;
    }

    /**
     * The key of the keyed pseudonyms (HMAC-SHA-256), the one the configuration was given: a configuration
     * does not hand its key out, so a run that pseudonymises identifiers needs it here. Without it such a
     * run fails with {@link IllegalStateException} before any record is released.
     *
     * @param key the key, at least 16 bytes
     * @return this builder
     * @throws IllegalArgumentException if the key is shorter than 16 bytes
     */
    public Builder pseudonymKey(byte[] key) {
      if (key.length < 16) {
        throw new IllegalArgumentException("pseudonymKey: at least 16 bytes are needed, got " + key.length);
      }
      this.pseudonymKey = key.clone();
      return this;
    }

    /** @return the operation, immutable and thread-safe */
    public SparkDeidentifier build() {
      return new SparkDeidentifier(this);
    }
  }
}
