package org.ctdc.synth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.ctdc.schema.internal.Shown;
import org.ctdc.schema.internal.StrictTree;
import org.jspecify.annotations.Nullable;

/**
 * What to aggregate and synthesise, and how: the schema, the columns, the mode (k-synthetic or
 * differentially private) and its parameters, named as Microsoft's Synthetic Data Showcase names them
 * ({@code reportingLength}, {@code resolution}, {@code epsilon}, {@code delta}, {@code percentile},
 * {@code percentileEpsilonProportion}, {@code numberOfRecordsEpsilonProportion}, {@code sigmaProportions},
 * thresholds). Every parameter but the mode, the columns, the reporting length and {@code epsilon} (DP) or
 * {@code resolution} (k-synthetic) has a default; docs/synth-config.md lists them.
 *
 * <p>Build one with {@link #builder(Mode, int)} or read one with {@link #read(Path)}. This class is immutable
 * and thread-safe.
 */
public final class SynthConfig {

  /** The longest reporting length: combinations of more attributes are never counted. */
  public static final int MAX_REPORTING_LENGTH = 8;
  /** The default percentile of the per-record sensitivity (DP mode). */
  public static final double DEFAULT_PERCENTILE = 99;
  /** The default share of the budget spent on the percentiles (DP mode). */
  public static final double DEFAULT_PERCENTILE_EPSILON_PROPORTION = 0.01;
  /** The default share of epsilon spent on the record count (DP mode). */
  public static final double DEFAULT_NUMBER_OF_RECORDS_EPSILON_PROPORTION = 0.005;
  /** The default resolution of DP mode, used only by the evaluation's "suppressed" count. */
  public static final int DEFAULT_RESOLUTION = 10;
  /** The default adaptive threshold eta of every length from 2. */
  public static final double DEFAULT_ADAPTIVE_THRESHOLD = 0.5;

  /** How the published counts are protected. */
  public enum Mode {
    /** Exact counts rounded down to the resolution; every synthetic combination is common in the data. */
    K_SYNTHETIC("k-synthetic"),
    /** Differentially private counts (SDS's "DP marginals") with discrete Gaussian noise. */
    DP("dp");

    private final String word;

    Mode(String word) {
      this.word = word;
    }

    /** @return the word of the configuration file, {@code k-synthetic} or {@code dp} */
    public String word() {
      return word;
    }
  }

  /** How the thresholds of lengths 2 and more are given (DP mode). */
  public enum ThresholdType {
    /** {@code rho_k} given as a number of records. */
    FIXED,
    /** {@code rho_k = sigma_k sqrt(Delta_1) PhiInverse(1 - eta_k / 2)}, with {@code 0 < eta_k <= 1} given. */
    ADAPTIVE
  }

  private final Mode mode;
  private final int reportingLength;
  private final Optional<String> schema;
  private final List<String> columns;
  private final List<String> sensitiveZeros;
  private final int resolution;
  private final double epsilon;
  private final OptionalDouble delta;
  private final double percentile;
  private final double percentileEpsilonProportion;
  private final double numberOfRecordsEpsilonProportion;
  private final List<Double> sigmaProportions;
  private final ThresholdType thresholdType;
  private final Map<Integer, Double> thresholds;
  private final OptionalLong seed;

  private SynthConfig(Builder b) {
    this.mode = b.mode;
    this.reportingLength = b.reportingLength;
    this.schema = Optional.ofNullable(b.schema);
    this.columns = List.copyOf(b.columns);
    this.sensitiveZeros = List.copyOf(b.sensitiveZeros);
    this.resolution = b.resolution;
    this.epsilon = b.epsilon;
    this.delta = b.delta;
    this.percentile = b.percentile;
    this.percentileEpsilonProportion = b.percentileEpsilonProportion;
    this.numberOfRecordsEpsilonProportion = b.numberOfRecordsEpsilonProportion;
    List<Double> sp = b.sigmaProportions;
    if (sp == null) {
      List<Double> d = new ArrayList<>();
      for (int k = 1; k <= reportingLength; k++) {
        d.add(1.0 / k);
      }
      sp = d;
    }
    this.sigmaProportions = List.copyOf(sp);
    this.thresholdType = b.thresholdType;
    Map<Integer, Double> t = new TreeMap<>();
    for (int k = 2; k <= reportingLength; k++) {
      Double v = b.thresholds.get(k);
      t.put(k, v != null ? v : thresholdType == ThresholdType.ADAPTIVE ? DEFAULT_ADAPTIVE_THRESHOLD : 1.0);
    }
    this.thresholds = Collections.unmodifiableMap(t);
    this.seed = b.seed;
  }

  /**
   * Starts a configuration.
   *
   * @param mode the mode
   * @param reportingLength the reporting length R, 1 to {@value #MAX_REPORTING_LENGTH}
   * @return a new builder, not thread-safe
   * @throws IllegalArgumentException naming {@code reportingLength} when out of range
   */
  public static Builder builder(Mode mode, int reportingLength) {
    return new Builder(Objects.requireNonNull(mode, "mode"), reportingLength);
  }

  /** @return the mode */
  public Mode mode() {
    return mode;
  }

  /** @return the reporting length R */
  public int reportingLength() {
    return reportingLength;
  }

  /** @return the schema reference (a bundled name, {@code name@version} or a file), or empty to infer it */
  public Optional<String> schema() {
    return schema;
  }

  /** @return the columns, in the order given */
  public List<String> columns() {
    return columns;
  }

  /** @return the columns whose zero (flag "no", count 0, code {@code 0}) is an attribute */
  public List<String> sensitiveZeros() {
    return sensitiveZeros;
  }

  /** @return the reporting resolution */
  public int resolution() {
    return resolution;
  }

  /** @return the total epsilon (DP mode), 0 in k-synthetic mode */
  public double epsilon() {
    return epsilon;
  }

  /** @return delta as given (DP mode); empty for the default {@code 1 / (n' ln n')} */
  public OptionalDouble delta() {
    return delta;
  }

  /** @return the percentile of the per-record sensitivity, in (0, 100] */
  public double percentile() {
    return percentile;
  }

  /** @return Q_p, the share of rho spent on the percentiles */
  public double percentileEpsilonProportion() {
    return percentileEpsilonProportion;
  }

  /** @return N_p, the share of epsilon spent on the record count */
  public double numberOfRecordsEpsilonProportion() {
    return numberOfRecordsEpsilonProportion;
  }

  /** @return p_1..p_R, one per length */
  public List<Double> sigmaProportions() {
    return sigmaProportions;
  }

  /** @return how the thresholds of lengths 2 and more are given */
  public ThresholdType thresholdType() {
    return thresholdType;
  }

  /** @return the threshold value of each length 2..R (rho_k when fixed, eta_k when adaptive) */
  public Map<Integer, Double> thresholds() {
    return thresholds;
  }

  /**
   * @param length a length from 2 to R
   * @return its threshold value (rho_k when fixed, eta_k when adaptive)
   * @throws IllegalArgumentException when the length is out of range
   */
  public double threshold(int length) {
    Double v = thresholds.get(length);
    if (v == null) {
      throw new IllegalArgumentException("no threshold of length " + length + "; lengths are 2 to " + reportingLength);
    }
    return v;
  }

  /** @return the seed, given only for tests and reproducible demos; empty: a {@code SecureRandom} */
  public OptionalLong seed() {
    return seed;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SynthConfig c && c.mode == mode && c.reportingLength == reportingLength
        && c.schema.equals(schema) && c.columns.equals(columns) && c.sensitiveZeros.equals(sensitiveZeros)
        && c.resolution == resolution && Double.compare(c.epsilon, epsilon) == 0 && c.delta.equals(delta)
        && Double.compare(c.percentile, percentile) == 0
        && Double.compare(c.percentileEpsilonProportion, percentileEpsilonProportion) == 0
        && Double.compare(c.numberOfRecordsEpsilonProportion, numberOfRecordsEpsilonProportion) == 0
        && c.sigmaProportions.equals(sigmaProportions) && c.thresholdType == thresholdType
        && c.thresholds.equals(thresholds) && c.seed.equals(seed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, reportingLength, schema, columns, resolution, epsilon, seed);
  }

  /** @return the mode, length and column count, never a value */
  @Override
  public String toString() {
    return "SynthConfig[" + mode.word() + ", R=" + reportingLength + ", " + columns.size() + " columns]";
  }

  /**
   * Builds a {@link SynthConfig}; every setter checks its value at once. Not thread-safe.
   */
  public static final class Builder {
    private final Mode mode;
    private final int reportingLength;
    private @Nullable String schema;
    private List<String> columns = List.of();
    private List<String> sensitiveZeros = List.of();
    private int resolution;
    private boolean resolutionSet;
    private double epsilon;
    private OptionalDouble delta = OptionalDouble.empty();
    private double percentile = DEFAULT_PERCENTILE;
    private double percentileEpsilonProportion = DEFAULT_PERCENTILE_EPSILON_PROPORTION;
    private double numberOfRecordsEpsilonProportion = DEFAULT_NUMBER_OF_RECORDS_EPSILON_PROPORTION;
    private @Nullable List<Double> sigmaProportions;
    private ThresholdType thresholdType = ThresholdType.ADAPTIVE;
    private final Map<Integer, Double> thresholds = new TreeMap<>();
    private OptionalLong seed = OptionalLong.empty();

    private Builder(Mode mode, int reportingLength) {
      if (reportingLength < 1 || reportingLength > MAX_REPORTING_LENGTH) {
        throw new IllegalArgumentException(
            "reportingLength must be from 1 to " + MAX_REPORTING_LENGTH + ", was " + reportingLength);
      }
      this.mode = mode;
      this.reportingLength = reportingLength;
      this.resolution = mode == Mode.DP ? DEFAULT_RESOLUTION : 0;
    }

    /**
     * @param reference a bundled schema's name, {@code name@version}, or a schema file; null to infer it
     * @return this builder
     */
    public Builder schema(@Nullable String reference) {
      this.schema = reference;
      return this;
    }

    /**
     * @param names the columns to aggregate and synthesise, at least one, each once
     * @return this builder
     * @throws IllegalArgumentException naming {@code columns} when empty or a name repeats
     */
    public Builder columns(List<String> names) {
      List<String> c = List.copyOf(names);
      if (c.isEmpty()) {
        throw new IllegalArgumentException("columns must name at least one column");
      }
      if (new LinkedHashSet<>(c).size() != c.size()) {
        throw new IllegalArgumentException("columns names a column twice");
      }
      this.columns = c;
      return this;
    }

    /**
     * @param names columns whose zero is a value (an attribute), among the columns
     * @return this builder
     * @throws IllegalArgumentException naming {@code sensitiveZeros} when a name repeats
     */
    public Builder sensitiveZeros(List<String> names) {
      List<String> c = List.copyOf(names);
      if (new LinkedHashSet<>(c).size() != c.size()) {
        throw new IllegalArgumentException("sensitiveZeros names a column twice");
      }
      this.sensitiveZeros = c;
      return this;
    }

    /**
     * @param r the reporting resolution, at least 1 (required in k-synthetic mode; 10 by default in DP mode,
     *     where only the evaluation uses it)
     * @return this builder
     * @throws IllegalArgumentException naming {@code resolution} when below 1
     */
    public Builder resolution(int r) {
      if (r < 1) {
        throw new IllegalArgumentException("resolution must be at least 1, was " + r);
      }
      this.resolution = r;
      this.resolutionSet = true;
      return this;
    }

    private void requireDp(String setting) {
      if (mode != Mode.DP) {
        throw new IllegalStateException(setting + " applies to mode dp only; mode is " + mode.word());
      }
    }

    /**
     * @param e the total epsilon, positive and finite (required in DP mode)
     * @return this builder
     * @throws IllegalArgumentException naming {@code epsilon} when out of range
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder epsilon(double e) {
      requireDp("epsilon");
      if (!(e > 0) || !Double.isFinite(e)) {
        throw new IllegalArgumentException("epsilon must be a positive number");
      }
      this.epsilon = e;
      return this;
    }

    /**
     * @param d delta, in (0, 1); by default {@code 1 / (n' ln n')}
     * @return this builder
     * @throws IllegalArgumentException naming {@code delta} when out of range
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder delta(double d) {
      requireDp("delta");
      if (!(d > 0 && d < 1)) {
        throw new IllegalArgumentException("delta must be above 0 and below 1");
      }
      this.delta = OptionalDouble.of(d);
      return this;
    }

    /**
     * @param p the percentile of per-record sensitivity, in (0, 100]; 99 by default
     * @return this builder
     * @throws IllegalArgumentException naming {@code percentile} when out of range
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder percentile(double p) {
      requireDp("percentile");
      if (!(p > 0 && p <= 100)) {
        throw new IllegalArgumentException("percentile must be above 0 and at most 100");
      }
      this.percentile = p;
      return this;
    }

    /**
     * @param q Q_p, in (0, 1); 0.01 by default
     * @return this builder
     * @throws IllegalArgumentException naming {@code percentileEpsilonProportion} when out of range
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder percentileEpsilonProportion(double q) {
      requireDp("percentileEpsilonProportion");
      if (!(q > 0 && q < 1)) {
        throw new IllegalArgumentException("percentileEpsilonProportion must be above 0 and below 1");
      }
      this.percentileEpsilonProportion = q;
      return this;
    }

    /**
     * @param n N_p, in (0, 1); 0.005 by default
     * @return this builder
     * @throws IllegalArgumentException naming {@code numberOfRecordsEpsilonProportion} when out of range
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder numberOfRecordsEpsilonProportion(double n) {
      requireDp("numberOfRecordsEpsilonProportion");
      if (!(n > 0 && n < 1)) {
        throw new IllegalArgumentException("numberOfRecordsEpsilonProportion must be above 0 and below 1");
      }
      this.numberOfRecordsEpsilonProportion = n;
      return this;
    }

    /**
     * @param proportions p_1..p_R, exactly R positive numbers; 1, 1/2, ..., 1/R by default
     * @return this builder
     * @throws IllegalArgumentException naming {@code sigmaProportions} when not R positive numbers
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder sigmaProportions(List<Double> proportions) {
      requireDp("sigmaProportions");
      List<Double> p = List.copyOf(proportions);
      if (p.size() != reportingLength) {
        throw new IllegalArgumentException("sigmaProportions must give " + reportingLength
            + " numbers (one per length up to reportingLength), gave " + p.size());
      }
      for (double x : p) {
        if (!(x > 0) || !Double.isFinite(x)) {
          throw new IllegalArgumentException("sigmaProportions must be positive numbers");
        }
      }
      this.sigmaProportions = p;
      return this;
    }

    /**
     * @param type how the thresholds of lengths 2 and more are given; adaptive by default
     * @return this builder
     * @throws IllegalStateException when the mode is not DP, or thresholds were set before
     */
    public Builder thresholdType(ThresholdType type) {
      requireDp("thresholds.type");
      if (!thresholds.isEmpty()) {
        throw new IllegalStateException("thresholds.type must be set before thresholds.values");
      }
      this.thresholdType = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * @param length a length from 2 to R
     * @param value rho_k (fixed, at least 0) or eta_k (adaptive, in (0, 1]); by default adaptive 0.5, fixed 1
     * @return this builder
     * @throws IllegalArgumentException naming {@code thresholds} when the length or value is out of range
     * @throws IllegalStateException when the mode is not DP
     */
    public Builder threshold(int length, double value) {
      requireDp("thresholds");
      if (length < 2 || length > reportingLength) {
        throw new IllegalArgumentException("thresholds: length must be from 2 to " + reportingLength
            + " (reportingLength), was " + length);
      }
      if (thresholdType == ThresholdType.ADAPTIVE ? !(value > 0 && value <= 1) : !(value >= 0)
          || !Double.isFinite(value)) {
        throw new IllegalArgumentException("thresholds: a " + thresholdType.name().toLowerCase(Locale.ROOT)
            + " threshold must be " + (thresholdType == ThresholdType.ADAPTIVE
                ? "above 0 and at most 1" : "a number of records, at least 0"));
      }
      thresholds.put(length, value);
      return this;
    }

    /**
     * @param s the seed of every random choice: for tests and reproducible demos only, and then every output
     *     says so; by default a {@code SecureRandom}
     * @return this builder
     */
    public Builder seed(long s) {
      this.seed = OptionalLong.of(s);
      return this;
    }

    /**
     * @return the configuration
     * @throws IllegalStateException naming the setting that is missing or conflicts
     */
    public SynthConfig build() {
      if (columns.isEmpty()) {
        throw new IllegalStateException("columns must be set");
      }
      if (mode == Mode.K_SYNTHETIC && !resolutionSet) {
        throw new IllegalStateException("resolution must be set in mode k-synthetic");
      }
      if (mode == Mode.DP && epsilon == 0) {
        throw new IllegalStateException("epsilon must be set in mode dp");
      }
      for (String z : sensitiveZeros) {
        if (!columns.contains(z)) {
          throw new IllegalStateException("sensitiveZeros names '" + Shown.name(z) + "', which columns does not");
        }
      }
      return new SynthConfig(this);
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // reading

  private static final Set<String> TOP_KEYS = Set.of("schema", "columns", "mode", "reportingLength", "resolution",
      "epsilon", "delta", "percentile", "percentileEpsilonProportion", "numberOfRecordsEpsilonProportion",
      "sigmaProportions", "thresholds", "sensitiveZeros", "seed");

  /**
   * Reads a configuration file (YAML, or JSON for {@code .json}). Unknown and repeated keys are refused; a
   * schema file named in it resolves against the file's folder.
   *
   * @param file the file
   * @return the configuration
   * @throws SynthException naming the file, the key and the rule when the file is malformed
   */
  public static SynthConfig read(Path file) {
    String f = Shown.file(file);
    StrictTree.Failure fail = (path, rule) -> new SynthException(f + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
    JsonNode root = StrictTree.read(file, fail);
    StrictTree.keys(root, "", fail, TOP_KEYS);
    try {
      return read(root, StrictTree.folder(file), fail);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new SynthException(f + ": " + e.getMessage(), e);
    }
  }

  private static SynthConfig read(JsonNode root, Path dir, StrictTree.Failure fail) {
    String m = StrictTree.text(root, "mode", "", fail);
    Mode mode = switch (m) {
      case "k-synthetic" -> Mode.K_SYNTHETIC;
      case "dp" -> Mode.DP;
      default -> throw fail.at("mode", "unknown mode '" + Shown.name(m) + "'; use k-synthetic or dp");
    };
    if (!root.has("reportingLength")) {
      throw fail.at("reportingLength", "required: a whole number from 1 to " + MAX_REPORTING_LENGTH);
    }
    Builder b = builder(mode, StrictTree.integer(root, "reportingLength", "", fail, 0));
    if (root.has("schema")) {
      b.schema(StrictTree.schemaReference(dir, StrictTree.text(root, "schema", "", fail)));
    }
    if (!root.has("columns")) {
      throw fail.at("columns", "required: a list of column names");
    }
    b.columns(StrictTree.texts(root, "columns", "", fail));
    b.sensitiveZeros(StrictTree.texts(root, "sensitiveZeros", "", fail));
    if (root.has("resolution")) {
      b.resolution(StrictTree.integer(root, "resolution", "", fail, 0));
    }
    if (root.has("epsilon")) {
      b.epsilon(StrictTree.number(root, "epsilon", "", fail, 0));
    }
    if (root.has("delta")) {
      b.delta(StrictTree.number(root, "delta", "", fail, 0));
    }
    if (root.has("percentile")) {
      b.percentile(StrictTree.number(root, "percentile", "", fail, 0));
    }
    if (root.has("percentileEpsilonProportion")) {
      b.percentileEpsilonProportion(StrictTree.number(root, "percentileEpsilonProportion", "", fail, 0));
    }
    if (root.has("numberOfRecordsEpsilonProportion")) {
      b.numberOfRecordsEpsilonProportion(StrictTree.number(root, "numberOfRecordsEpsilonProportion", "", fail, 0));
    }
    if (root.has("sigmaProportions")) {
      JsonNode sp = root.get("sigmaProportions");
      if (!sp.isArray()) {
        throw fail.at("sigmaProportions", "must be a list of numbers");
      }
      List<Double> p = new ArrayList<>();
      for (int i = 0; i < sp.size(); i++) {
        if (!sp.get(i).isNumber()) {
          throw fail.at("sigmaProportions[" + i + "]", "must be a number");
        }
        p.add(sp.get(i).doubleValue());
      }
      b.sigmaProportions(p);
    }
    if (root.has("thresholds")) {
      JsonNode t = StrictTree.object(root, "thresholds", "", fail, "type", "values");
      if (t.has("type")) {
        String type = StrictTree.text(t, "type", "thresholds", fail);
        b.thresholdType(switch (type) {
          case "fixed" -> ThresholdType.FIXED;
          case "adaptive" -> ThresholdType.ADAPTIVE;
          default -> throw fail.at("thresholds.type", "unknown type '" + Shown.name(type) + "'; use fixed or adaptive");
        });
      }
      JsonNode v = StrictTree.dataMap(t, "values", "thresholds", fail);
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int length;
        try {
          length = Integer.parseInt(e.getKey());
        } catch (NumberFormatException x) {
          throw fail.at("thresholds.values", "key '" + Shown.name(e.getKey()) + "' must be a length from 2");
        }
        if (!e.getValue().isNumber()) {
          throw fail.at("thresholds.values." + length, "must be a number");
        }
        b.threshold(length, e.getValue().doubleValue());
      }
    }
    if (root.has("seed")) {
      b.seed(StrictTree.integer(root, "seed", "", fail, 0L));
    }
    return b.build();
  }
}
