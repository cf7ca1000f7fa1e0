package org.ctdc.deid;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ctdc.schema.Role;

/**
 * What a de-identification run does: the quasi-identifiers with their hierarchies (in order; the order is
 * the order of level vectors and of the tie-break), optional level bounds, role overrides, the privacy
 * models, the record-suppression limit, the metric, how missing values count, how identifiers are treated,
 * threads and budgets.
 *
 * <p>Roles: a variable's role is its schema default unless overridden here; naming a quasi-identifier or
 * a model's sensitive variable overrides its role. Identifiers are dropped, or replaced by a keyed
 * HMAC-SHA-256 pseudonym when a key is set; free-text variables are always dropped. The key is held in
 * this object only; {@link #toString()} and every report say only whether one is set.
 *
 * <p>Create one with {@link #builder()}. The builder checks each setting when it is set: a value out of
 * range throws {@link IllegalArgumentException}, a setting that conflicts with one set before throws
 * {@link IllegalStateException}, each naming the setting. A configuration file read by {@link
 * DeidJob#read} fails instead with {@link DeidException} naming the file and the key. This class is
 * immutable and thread-safe; its builder is not.
 */
public final class DeidConfig {

  /** A quasi-identifier with its hierarchy and level bounds. */
  private record Qi(Hierarchy hierarchy, int min, int max) {}

  /**
   * Top or bottom coding of a year or count variable, applied to the input before anything else (see
   * {@link org.ctdc.deid.transform.TopBottomCoding}): values above (top) or below (bottom) the threshold become
   * the threshold.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param variable the variable
   * @param top true for top coding, false for bottom coding
   * @param threshold the largest (top) or smallest (bottom) value kept
   */
  public record Coding(String variable, boolean top, int threshold) {
    /** Validates. */
    public Coding {
      java.util.Objects.requireNonNull(variable, "variable");
    }

    /** @return {@code top(variable, threshold)} or {@code bottom(variable, threshold)} */
    @Override
    public String toString() {
      return (top ? "top(" : "bottom(") + variable + ", " + threshold + ")";
    }
  }

  private final List<String> qiNames;
  private final List<Hierarchy> hierarchies;
  private final int[] minLevels;
  private final int[] maxLevels;
  private final Map<String, Role> roles;
  private final List<PrivacyModel> models;
  private final double suppressionLimit;
  private final Metric metric;
  private final MissingValues missingValues;
  private final byte[] pseudonymKey;
  private final int threads;
  private final long nodeBudget;
  private final Optional<Duration> timeBudget;
  private final boolean classifyLattice;
  private final LocalSuppressionMode localSuppression;
  private final List<String> suppressionImportance;
  private final List<Coding> codings;
  private final int riskSmallClassThreshold;
  private final double riskThreshold;
  private final Optional<String> riskWeights;

  private DeidConfig(Builder b) {
    if (b.qis.isEmpty()) {
      throw new IllegalStateException("quasiIdentifier: at least one quasi-identifier is needed");
    }
    if (b.models.isEmpty()) {
      throw new IllegalStateException("model: at least one privacy model is needed");
    }
    this.qiNames = List.copyOf(b.qis.keySet());
    List<Hierarchy> hs = new ArrayList<>();
    minLevels = new int[qiNames.size()];
    maxLevels = new int[qiNames.size()];
    for (int i = 0; i < qiNames.size(); i++) {
      String name = qiNames.get(i);
      Qi q = Objects.requireNonNull(b.qis.get(name)); // qiNames are its keys
      int max = q.max() < 0 ? q.hierarchy().height() : q.max();
      hs.add(q.hierarchy());
      minLevels[i] = q.min();
      maxLevels[i] = max;
    }
    this.hierarchies = List.copyOf(hs);
    Map<String, Role> r = new LinkedHashMap<>(b.roles);
    for (String qi : qiNames) {
      r.put(qi, Role.QUASI_IDENTIFIER); // role() and model() refuse a conflicting role
    }
    for (PrivacyModel pm : b.models) {
      if (pm.sensitive().isPresent()) {
        r.put(pm.sensitive().get(), Role.SENSITIVE); // quasiIdentifier(), role() and model() refuse a conflict
      }
    }
    this.roles = Map.copyOf(r);
    this.rolesOrdered = List.copyOf(r.keySet());
    this.models = List.copyOf(b.models);
    this.suppressionLimit = b.suppressionLimit;
    this.metric = b.metric;
    this.missingValues = b.missingValues;
    this.pseudonymKey = b.pseudonymKey == null ? new byte[0] : b.pseudonymKey.clone();
    this.threads = b.threads;
    this.nodeBudget = b.nodeBudget;
    this.timeBudget = Optional.ofNullable(b.timeBudget);
    this.classifyLattice = b.classifyLattice;
    this.localSuppression = b.localSuppression;
    this.suppressionImportance = List.copyOf(b.suppressionImportance);
    if (!suppressionImportance.isEmpty()
        && (suppressionImportance.size() != qiNames.size()
            || !new java.util.HashSet<>(suppressionImportance).equals(new java.util.HashSet<>(qiNames)))) {
      throw new IllegalStateException(
          "suppressionImportance: the importance order must name every quasi-identifier once; it names " + suppressionImportance.size()
              + " of the " + qiNames.size() + " set by quasiIdentifier");
    }
    this.codings = List.copyOf(b.codings);
    this.riskSmallClassThreshold = b.riskSmallClassThreshold;
    this.riskThreshold = b.riskThreshold;
    this.riskWeights = Optional.ofNullable(b.riskWeights);
  }

  private final List<String> rolesOrdered;

  /**
   * Starts a configuration: no quasi-identifiers, no models, suppression limit 0, metric
   * {@link Metric#PRECISION}, missing values {@link MissingValues#OWN_VALUE}, identifiers dropped, one
   * thread, no budget, no lattice classification.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the quasi-identifiers in order */
  public List<String> quasiIdentifiers() {
    return qiNames;
  }

  /** @return the hierarchies, in quasi-identifier order */
  public List<Hierarchy> hierarchies() {
    return hierarchies;
  }

  /**
   * The hierarchy of a quasi-identifier.
   *
   * @param qi the quasi-identifier
   * @return its hierarchy, or empty if it is not a quasi-identifier
   */
  public Optional<Hierarchy> hierarchy(String qi) {
    int i = qiNames.indexOf(qi);
    return i < 0 ? Optional.empty() : Optional.of(hierarchies.get(i));
  }

  /** @return the least level per quasi-identifier, a new array */
  public int[] minLevels() {
    return minLevels.clone();
  }

  /** @return the greatest level per quasi-identifier, a new array */
  public int[] maxLevels() {
    return maxLevels.clone();
  }

  /**
   * The overridden role of a variable.
   *
   * @param variable the variable
   * @return the role set here (explicitly or by naming it a quasi-identifier or sensitive), or empty
   */
  public Optional<Role> role(String variable) {
    return Optional.ofNullable(roles.get(variable));
  }

  /** @return the variables whose role is set here, in the order set */
  public List<String> roleOverrides() {
    return rolesOrdered;
  }

  /** @return the sensitive variables named by the models, in order, without repeats */
  public List<String> sensitiveVariables() {
    List<String> s = new ArrayList<>();
    for (PrivacyModel pm : models) {
      pm.sensitive().filter(v -> !s.contains(v)).ifPresent(s::add);
    }
    return List.copyOf(s);
  }

  /** @return the privacy models */
  public List<PrivacyModel> models() {
    return models;
  }

  /** @return the record-suppression limit as a share of the input rows */
  public double suppressionLimit() {
    return suppressionLimit;
  }

  /** @return the metric */
  public Metric metric() {
    return metric;
  }

  /** @return how missing quasi-identifier values count */
  public MissingValues missingValues() {
    return missingValues;
  }

  /** @return whether identifiers are pseudonymised (a key is set) rather than dropped */
  public boolean pseudonymises() {
    return pseudonymKey.length > 0;
  }

  /**
   * The pseudonym key, for the library's own use.
   *
   * @return a copy of the key, empty if none
   */
  byte[] pseudonymKey() {
    return pseudonymKey.clone();
  }

  /** @return the threads the frequency-table pass may use */
  public int threads() {
    return threads;
  }

  /** @return the most node evaluations, 0 for no limit */
  public long nodeBudget() {
    return nodeBudget;
  }

  /** @return the time budget of the search, if any */
  public Optional<Duration> timeBudget() {
    return timeBudget;
  }

  /** @return whether the whole lattice is classified */
  public boolean classifyLattice() {
    return classifyLattice;
  }

  /** @return how cells are blanked locally, {@link LocalSuppressionMode#NONE} by default */
  public LocalSuppressionMode localSuppression() {
    return localSuppression;
  }

  /**
   * The importance order of local suppression: the quasi-identifier kept longest first.
   *
   * @return every quasi-identifier once, or empty for the default (fewer categories present is more
   *     important, ties by configuration order)
   */
  public List<String> suppressionImportance() {
    return suppressionImportance;
  }

  /** @return the top and bottom codings, in the order applied */
  public List<Coding> codings() {
    return codings;
  }

  /**
   * The class-size threshold of the risk measures in the report: records in classes (fk) below it count
   * as "in small classes".
   *
   * @return the threshold set, or else the largest k of the models, or else 11 (CTDC's k)
   */
  public int riskSmallClassThreshold() {
    if (riskSmallClassThreshold > 0) {
      return riskSmallClassThreshold;
    }
    int k = 0;
    for (PrivacyModel pm : models) {
      if (pm instanceof PrivacyModel.KAnonymity ka) {
        k = Math.max(k, ka.k());
      }
    }
    return k > 0 ? k : 11;
  }

  /** @return the prosecutor-risk threshold of the risk measures in the report, 0.1 by default */
  public double riskThreshold() {
    return riskThreshold;
  }

  /** @return the count variable holding sampling weights for the risk measures (sdcMicro's Fk), if any */
  public Optional<String> riskWeights() {
    return riskWeights;
  }

  /** @return a builder preset with this configuration */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (int i = 0; i < qiNames.size(); i++) {
      b.quasiIdentifier(qiNames.get(i), hierarchies.get(i)).levels(qiNames.get(i), minLevels[i], maxLevels[i]);
    }
    for (String v : rolesOrdered) {
      Role r = Objects.requireNonNull(roles.get(v)); // rolesOrdered lists its keys
      if (r != Role.QUASI_IDENTIFIER && !sensitiveVariables().contains(v)) {
        b.role(v, r);
      }
    }
    b.models.addAll(models);
    b.suppressionLimit = suppressionLimit;
    b.metric = metric;
    b.missingValues = missingValues;
    b.pseudonymKey = pseudonymKey.length == 0 ? null : pseudonymKey.clone();
    b.threads = threads;
    b.nodeBudget = nodeBudget;
    b.timeBudget = timeBudget.orElse(null);
    b.classifyLattice = classifyLattice;
    b.localSuppression = localSuppression;
    b.suppressionImportance = suppressionImportance;
    b.codings.addAll(codings);
    b.riskSmallClassThreshold = riskSmallClassThreshold;
    b.riskThreshold = riskThreshold;
    b.riskWeights = riskWeights.orElse(null);
    return b;
  }

  /** @return the settings, never the pseudonym key */
  @Override
  public String toString() {
    return "DeidConfig[qis=" + qiNames + ", models=" + models + ", suppressionLimit=" + suppressionLimit
        + ", metric=" + metric + ", missingValues=" + missingValues + ", pseudonymise=" + pseudonymises()
        + ", localSuppression=" + localSuppression + ", codings=" + codings + "]";
  }

  /** Builds a {@link DeidConfig}. Not thread-safe. Setters return this builder. */
  public static final class Builder {
    private final LinkedHashMap<String, Qi> qis = new LinkedHashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final List<PrivacyModel> models = new ArrayList<>();
    private double suppressionLimit;
    private Metric metric = Metric.PRECISION;
    private MissingValues missingValues = MissingValues.OWN_VALUE;
    private byte @org.jspecify.annotations.Nullable [] pseudonymKey;
    private int threads = 1;
    private long nodeBudget;
    private @org.jspecify.annotations.Nullable Duration timeBudget;
    private boolean classifyLattice;
    private LocalSuppressionMode localSuppression = LocalSuppressionMode.NONE;
    private List<String> suppressionImportance = List.of();
    private final List<Coding> codings = new ArrayList<>();
    private int riskSmallClassThreshold;
    private double riskThreshold = 0.1;
    private @org.jspecify.annotations.Nullable String riskWeights;

    private Builder() {}

    private boolean sensitive(String variable) {
      for (PrivacyModel pm : models) {
        if (pm.sensitive().filter(variable::equals).isPresent()) {
          return true;
        }
      }
      return false;
    }

    /**
     * Adds (or replaces) a quasi-identifier, with levels 0 to the hierarchy's height.
     *
     * @param variable the variable
     * @param hierarchy its hierarchy
     * @return this builder
     */
    public Builder quasiIdentifier(String variable, Hierarchy hierarchy) {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(hierarchy, "hierarchy");
      Role role = roles.get(variable);
      if (role != null && role != Role.QUASI_IDENTIFIER) {
        throw new IllegalStateException("quasiIdentifier: '" + variable + "' was set to role " + role
            + " by role() before");
      }
      if (sensitive(variable)) {
        throw new IllegalStateException("quasiIdentifier: '" + variable
            + "' is the sensitive variable of a privacy model set by model() before");
      }
      qis.put(variable, new Qi(hierarchy, 0, -1));
      return this;
    }

    /**
     * Bounds the levels of a quasi-identifier added before.
     *
     * @param variable the quasi-identifier
     * @param min the least level
     * @param max the greatest level
     * @return this builder
     * @throws IllegalStateException if the variable is not a quasi-identifier yet
     * @throws IllegalArgumentException unless 0 &lt;= min &lt;= max &lt;= the hierarchy's height
     */
    public Builder levels(String variable, int min, int max) {
      Qi q = qis.get(variable);
      if (q == null) {
        throw new IllegalStateException("levels: '" + variable + "' is not set by quasiIdentifier() before");
      }
      int height = q.hierarchy().height();
      if (min < 0 || min > max || max > height) {
        throw new IllegalArgumentException("levels of '" + variable + "' must satisfy 0 <= min <= max <= height "
            + height + ", are " + min + " and " + max);
      }
      qis.put(variable, new Qi(q.hierarchy(), min, max));
      return this;
    }

    /**
     * Overrides a variable's role (quasi-identifiers are set with {@link #quasiIdentifier}).
     *
     * @param variable the variable
     * @param role its role in this run
     * @return this builder
     * @throws IllegalStateException if the variable is a quasi-identifier or a model's sensitive variable and
     *     the role differs
     */
    public Builder role(String variable, Role role) {
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(role, "role");
      if (qis.containsKey(variable) && role != Role.QUASI_IDENTIFIER) {
        throw new IllegalStateException("role: '" + variable + "' is a quasi-identifier set by quasiIdentifier() before");
      }
      if (sensitive(variable) && role != Role.SENSITIVE) {
        throw new IllegalStateException("role: '" + variable
            + "' is the sensitive variable of a privacy model set by model() before");
      }
      roles.put(variable, role);
      return this;
    }

    /**
     * Adds a privacy model.
     *
     * @param model the model
     * @return this builder
     * @throws IllegalStateException if the model's sensitive variable is a quasi-identifier or has another role
     *     set before, or if local suppression is set and the model is not k-anonymity
     */
    public Builder model(PrivacyModel model) {
      Objects.requireNonNull(model, "model");
      if (model.sensitive().isPresent()) {
        String s = model.sensitive().get();
        if (qis.containsKey(s)) {
          throw new IllegalStateException("model: the sensitive variable '" + s
              + "' is a quasi-identifier set by quasiIdentifier() before");
        }
        Role role = roles.get(s);
        if (role != null && role != Role.SENSITIVE) {
          throw new IllegalStateException("model: the sensitive variable '" + s + "' was set to role " + role
              + " by role() before");
        }
      }
      if (localSuppression != LocalSuppressionMode.NONE && !(model instanceof PrivacyModel.KAnonymity)) {
        throw new IllegalStateException("model: " + Deidentifier.describe(model) + " conflicts with localSuppression "
            + localSuppression + " set before (local suppression reaches k-anonymity only)");
      }
      models.add(model);
      return this;
    }

    /**
     * Adds k-anonymity.
     *
     * @param k the least class size, at least 2
     * @return this builder
     * @throws IllegalArgumentException if {@code k < 2} (every class has at least one record)
     */
    public Builder k(int k) {
      if (k < 2) {
        throw new IllegalArgumentException("k must be at least 2, is " + k);
      }
      return model(new PrivacyModel.KAnonymity(k));
    }

    /**
     * Sets the record-suppression limit.
     *
     * @param share the largest share of input rows that may be suppressed, in [0, 1]; at most
     *     ⌊share × n⌋ records are
     * @return this builder
     * @throws IllegalArgumentException if {@code share} is outside [0, 1]
     */
    public Builder suppressionLimit(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("suppressionLimit must lie in [0, 1], is " + share);
      }
      this.suppressionLimit = share;
      return this;
    }

    /** @param metric the metric to minimise @return this builder */
    public Builder metric(Metric metric) {
      this.metric = java.util.Objects.requireNonNull(metric, "metric");
      return this;
    }

    /** @param missing how missing quasi-identifier values count @return this builder */
    public Builder missingValues(MissingValues missing) {
      this.missingValues = java.util.Objects.requireNonNull(missing, "missing");
      return this;
    }

    /**
     * Pseudonymises identifiers with HMAC-SHA-256 under a partner-held key instead of dropping them.
     *
     * @param key the secret key, at least 16 bytes; copied
     * @return this builder
     * @throws IllegalArgumentException if the key is shorter than 16 bytes
     */
    public Builder pseudonymKey(byte[] key) {
      if (key.length < 16) {
        throw new IllegalArgumentException("pseudonymKey must have at least 16 bytes, has " + key.length);
      }
      this.pseudonymKey = Arrays.copyOf(key, key.length);
      return this;
    }

    /**
     * @param threads threads for the pass over the rows, at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, is " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * @param nodes the most node evaluations, 0 for no limit
     * @return this builder
     * @throws IllegalArgumentException if {@code nodes < 0}
     */
    public Builder nodeBudget(long nodes) {
      if (nodes < 0) {
        throw new IllegalArgumentException("nodeBudget must not be negative, is " + nodes);
      }
      this.nodeBudget = nodes;
      return this;
    }

    /**
     * @param budget the longest search time, not negative
     * @return this builder
     * @throws IllegalArgumentException if the budget is negative
     */
    public Builder timeBudget(Duration budget) {
      if (budget.isNegative()) {
        throw new IllegalArgumentException("timeBudget must not be negative");
      }
      this.timeBudget = budget;
      return this;
    }

    /** @param classify whether to classify every node of the lattice @return this builder */
    public Builder classifyLattice(boolean classify) {
      this.classifyLattice = classify;
      return this;
    }

    /**
     * Sets local suppression (cell blanking to reach k under the wildcard rule).
     *
     * @param mode none, alone (no generalisation) or after generalisation
     * @return this builder
     * @throws IllegalStateException if a model other than k-anonymity was set before and the mode is not NONE
     */
    public Builder localSuppression(LocalSuppressionMode mode) {
      Objects.requireNonNull(mode, "mode");
      if (mode != LocalSuppressionMode.NONE) {
        for (PrivacyModel pm : models) {
          if (!(pm instanceof PrivacyModel.KAnonymity)) {
            throw new IllegalStateException("localSuppression " + mode + " conflicts with " + Deidentifier.describe(pm)
                + " set by model() before (local suppression reaches k-anonymity only)");
          }
        }
      }
      this.localSuppression = mode;
      return this;
    }

    /**
     * Overrides the importance order of local suppression.
     *
     * @param mostImportantFirst every quasi-identifier once, the one to keep longest first; empty for the
     *     default
     * @return this builder
     * @throws IllegalArgumentException if a variable is named twice
     */
    public Builder suppressionImportance(List<String> mostImportantFirst) {
      if (new java.util.HashSet<>(mostImportantFirst).size() != mostImportantFirst.size()) {
        throw new IllegalArgumentException("suppressionImportance names a variable twice");
      }
      this.suppressionImportance = List.copyOf(mostImportantFirst);
      return this;
    }

    /**
     * Top-codes a year or count variable of the input: values above the threshold become the threshold.
     *
     * @param variable the variable
     * @param threshold the largest value kept
     * @return this builder
     * @throws IllegalStateException if the variable is top-coded already
     */
    public Builder topCode(String variable, int threshold) {
      return coding(new Coding(variable, true, threshold));
    }

    private Builder coding(Coding c) {
      for (Coding d : codings) {
        if (d.variable().equals(c.variable()) && d.top() == c.top()) {
          throw new IllegalStateException((c.top() ? "topCode" : "bottomCode") + ": '" + c.variable()
              + "' is " + (c.top() ? "top" : "bottom") + "-coded by a setting before");
        }
      }
      codings.add(c);
      return this;
    }

    /**
     * Bottom-codes a year or count variable of the input: values below the threshold become the threshold.
     *
     * @param variable the variable
     * @param threshold the smallest value kept
     * @return this builder
     * @throws IllegalStateException if the variable is bottom-coded already
     */
    public Builder bottomCode(String variable, int threshold) {
      return coding(new Coding(variable, false, threshold));
    }

    /**
     * Sets the class-size threshold of the reported risk measures.
     *
     * @param threshold at least 1; 0 for the default (the largest k of the models, else 11)
     * @return this builder
     * @throws IllegalArgumentException if {@code threshold < 0}
     */
    public Builder riskSmallClassThreshold(int threshold) {
      if (threshold < 0) {
        throw new IllegalArgumentException("riskSmallClassThreshold must be at least 1 (or 0 for the default), is "
            + threshold);
      }
      this.riskSmallClassThreshold = threshold;
      return this;
    }

    /**
     * Sets the prosecutor-risk threshold of the reported risk measures.
     *
     * @param threshold in [0, 1]; records with 1/fk above it count as above the threshold
     * @return this builder
     * @throws IllegalArgumentException if {@code threshold} is outside [0, 1]
     */
    public Builder riskThreshold(double threshold) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("riskThreshold must lie in [0, 1], is " + threshold);
      }
      this.riskThreshold = threshold;
      return this;
    }

    /**
     * Names a count variable of sampling weights for the reported risk measures (sdcMicro's Fk and the
     * individual risk); the variable must be released (not an identifier).
     *
     * @param variable the weight variable
     * @return this builder
     */
    public Builder riskWeights(String variable) {
      this.riskWeights = java.util.Objects.requireNonNull(variable, "variable");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return an immutable configuration
     * @throws IllegalStateException naming the setting if no quasi-identifier or no model is set, or if
     *     {@link #suppressionImportance} does not name every quasi-identifier once
     */
    public DeidConfig build() {
      return new DeidConfig(this);
    }
  }
}
