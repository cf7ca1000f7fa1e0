package org.ctdc.deid.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.ctdc.deid.verify.internal.HierarchyTable;

/**
 * What a release must satisfy: the quasi-identifiers with their declared hierarchies, k, the sensitive
 * criteria (l-diversity variants, t-closeness), how missing quasi-identifier values count, and the record
 * suppression limit. Create one with {@link #builder()}.
 *
 * <p>Hierarchies are given in ARX's layout: one row per leaf value, one column per level (column 0 the
 * original values, the last column the single top value such as {@code *}). {@link Builder#build()}
 * validates them: rows of equal length, at least one level, a single top value, one parent per value and
 * level.
 *
 * <p>t-closeness compares each class with a reference distribution of the sensitive variable over the
 * whole original table. Give it with {@link Builder#tClosenessReference(String, Map)}; without one the
 * verifier uses the distribution over the release's own (not suppressed) records, which equals the
 * original's only when no record was removed. A missing sensitive value is the empty string {@code ""} in
 * distributions and hierarchies.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class VerificationSpec {

  /**
   * A criterion on one sensitive variable, checked in every equivalence class.
   *
   * <p>Implementations are immutable and thread-safe.
   */
  public sealed interface Criterion
      permits DistinctL, EntropyL, RecursiveCL, TClosenessEqual, TClosenessHierarchical {
    /** @return the sensitive variable's name */
    String sensitive();
  }

  /**
   * Distinct l-diversity: at least l distinct sensitive values per class. Immutable and thread-safe.
   *
   * @param sensitive the sensitive variable
   * @param l at least 1
   */
  public record DistinctL(String sensitive, int l) implements Criterion {
    /** Validates. */
    public DistinctL {
      Objects.requireNonNull(sensitive, "sensitive");
      if (l < 1) {
        throw new IllegalArgumentException("distinct l-diversity needs l >= 1, was " + l);
      }
    }
  }

  /**
   * Entropy l-diversity: the entropy of each class's sensitive values is at least log(l). Immutable and
   * thread-safe.
   *
   * @param sensitive the sensitive variable
   * @param l at least 1
   */
  public record EntropyL(String sensitive, double l) implements Criterion {
    /** Validates. */
    public EntropyL {
      Objects.requireNonNull(sensitive, "sensitive");
      if (!(l >= 1) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("entropy l-diversity needs a finite l >= 1, was " + l);
      }
    }
  }

  /**
   * Recursive (c,l)-diversity: with a class's value counts sorted r1 &ge; r2 &ge; ..., r1 &lt; c (r_l +
   * r_(l+1) + ...). Immutable and thread-safe.
   *
   * @param sensitive the sensitive variable
   * @param c positive
   * @param l at least 2
   */
  public record RecursiveCL(String sensitive, double c, int l) implements Criterion {
    /** Validates. */
    public RecursiveCL {
      Objects.requireNonNull(sensitive, "sensitive");
      if (!(c > 0) || Double.isInfinite(c)) {
        throw new IllegalArgumentException("recursive (c,l)-diversity needs a finite c > 0, was " + c);
      }
      if (l < 2) {
        throw new IllegalArgumentException("recursive (c,l)-diversity needs l >= 2, was " + l);
      }
    }
  }

  /**
   * t-closeness with equal ground distance: EMD = &frac12; &Sigma; |p_i - q_i| &le; t. Immutable and
   * thread-safe.
   *
   * @param sensitive the sensitive variable
   * @param t in [0, 1]
   */
  public record TClosenessEqual(String sensitive, double t) implements Criterion {
    /** Validates. */
    public TClosenessEqual {
      Objects.requireNonNull(sensitive, "sensitive");
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("t-closeness needs 0 <= t <= 1, was " + t);
      }
    }
  }

  /**
   * t-closeness with the hierarchical ground distance of Li, Li and Venkatasubramanian over a hierarchy of
   * the sensitive values (ARX rows). Immutable and thread-safe.
   *
   * @param sensitive the sensitive variable
   * @param t in [0, 1]
   * @param hierarchy ARX rows whose leaves (column 0) are the sensitive values
   */
  public record TClosenessHierarchical(String sensitive, double t, List<List<String>> hierarchy)
      implements Criterion {
    /** Validates and copies. */
    public TClosenessHierarchical {
      Objects.requireNonNull(sensitive, "sensitive");
      if (!(t >= 0 && t <= 1)) {
        throw new IllegalArgumentException("t-closeness needs 0 <= t <= 1, was " + t);
      }
      hierarchy = copyRows(hierarchy);
    }
  }

  private final List<String> quasiIdentifiers;
  private final Map<String, List<List<String>>> hierarchies;
  private final int k;
  private final List<Criterion> criteria;
  private final Map<String, Map<String, Long>> references;
  private final boolean missingAsWildcard;
  private final double suppressionShare;
  private final int originalRows;

  private VerificationSpec(Builder b) {
    this.quasiIdentifiers = List.copyOf(b.quasiIdentifiers);
    this.hierarchies = copyMap(b.hierarchies);
    this.k = b.k;
    this.criteria = List.copyOf(b.criteria);
    Map<String, Map<String, Long>> refs = new LinkedHashMap<>();
    b.references.forEach((s, m) -> refs.put(s, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))));
    this.references = java.util.Collections.unmodifiableMap(refs);
    this.missingAsWildcard = b.missingAsWildcard;
    this.suppressionShare = b.suppressionShare;
    this.originalRows = b.originalRows;
  }

  private static Map<String, List<List<String>>> copyMap(Map<String, List<List<String>>> m) {
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    m.forEach((q, rows) -> out.put(q, copyRows(rows)));
    return java.util.Collections.unmodifiableMap(out);
  }

  static List<List<String>> copyRows(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      out.add(List.copyOf(r));
    }
    return List.copyOf(out);
  }

  /**
   * Starts a specification: no quasi-identifiers, k = 1, no criteria, missing values as their own value,
   * no suppression limit.
   *
   * @return a new builder, not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the quasi-identifier names, in order */
  public List<String> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /**
   * The declared hierarchy of a quasi-identifier.
   *
   * @param qi the quasi-identifier
   * @return its ARX rows, or empty when none was declared (then no level check is made for it)
   */
  public Optional<List<List<String>>> hierarchy(String qi) {
    return Optional.ofNullable(hierarchies.get(qi));
  }

  /** @return k, at least 1 */
  public int k() {
    return k;
  }

  /** @return the sensitive criteria, in the order added */
  public List<Criterion> criteria() {
    return criteria;
  }

  /**
   * The declared t-closeness reference distribution of a sensitive variable.
   *
   * @param sensitive the variable
   * @return counts per value ({@code ""} for missing), or empty when the release's own distribution is used
   */
  public Optional<Map<String, Long>> tClosenessReference(String sensitive) {
    return Optional.ofNullable(references.get(sensitive));
  }

  /** @return whether a missing quasi-identifier value matches any value (sdcMicro's rule) */
  public boolean missingAsWildcard() {
    return missingAsWildcard;
  }

  /** @return the allowed share of suppressed records; 1 when no limit was set */
  public double suppressionShare() {
    return suppressionShare;
  }

  /** @return the original table's row count, or empty when no suppression limit was set */
  public OptionalInt originalRows() {
    return originalRows < 0 ? OptionalInt.empty() : OptionalInt.of(originalRows);
  }

  /**
   * Builds a {@link VerificationSpec}. Not thread-safe.
   */
  public static final class Builder {
    private List<String> quasiIdentifiers = List.of();
    private final Map<String, List<List<String>>> hierarchies = new LinkedHashMap<>();
    private int k = 1;
    private final List<Criterion> criteria = new ArrayList<>();
    private final Map<String, Map<String, Long>> references = new LinkedHashMap<>();
    private boolean missingAsWildcard;
    private double suppressionShare = 1;
    private int originalRows = -1;

    private Builder() {}

    /**
     * Sets the quasi-identifiers.
     *
     * @param names variable names, distinct
     * @return this builder
     */
    public Builder quasiIdentifiers(List<String> names) {
      List<String> copy = List.copyOf(names);
      if (new java.util.HashSet<>(copy).size() != copy.size()) {
        throw new IllegalArgumentException("quasi-identifier names must be distinct");
      }
      this.quasiIdentifiers = copy;
      return this;
    }

    /**
     * Declares the hierarchy of a quasi-identifier.
     *
     * @param qi the quasi-identifier
     * @param arxRows one row per leaf, one column per level, the last column the single top value
     * @return this builder
     */
    public Builder hierarchy(String qi, List<List<String>> arxRows) {
      hierarchies.put(Objects.requireNonNull(qi, "qi"), copyRows(arxRows));
      return this;
    }

    /**
     * Sets k.
     *
     * @param k the smallest allowed class size, at least 1
     * @return this builder
     */
    public Builder k(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("k must be at least 1, was " + k);
      }
      this.k = k;
      return this;
    }

    /**
     * Adds distinct l-diversity.
     *
     * @param sensitive the sensitive variable
     * @param l at least 1
     * @return this builder
     */
    public Builder distinctL(String sensitive, int l) {
      criteria.add(new DistinctL(sensitive, l));
      return this;
    }

    /**
     * Adds entropy l-diversity.
     *
     * @param sensitive the sensitive variable
     * @param l at least 1
     * @return this builder
     */
    public Builder entropyL(String sensitive, double l) {
      criteria.add(new EntropyL(sensitive, l));
      return this;
    }

    /**
     * Adds recursive (c,l)-diversity.
     *
     * @param sensitive the sensitive variable
     * @param c positive
     * @param l at least 2
     * @return this builder
     */
    public Builder recursiveCL(String sensitive, double c, int l) {
      criteria.add(new RecursiveCL(sensitive, c, l));
      return this;
    }

    /**
     * Adds t-closeness with equal ground distance.
     *
     * @param sensitive the sensitive variable
     * @param t in [0, 1]
     * @return this builder
     */
    public Builder tClosenessEqual(String sensitive, double t) {
      criteria.add(new TClosenessEqual(sensitive, t));
      return this;
    }

    /**
     * Adds t-closeness with hierarchical ground distance.
     *
     * @param sensitive the sensitive variable
     * @param t in [0, 1]
     * @param arxRows the hierarchy of the sensitive values
     * @return this builder
     */
    public Builder tClosenessHierarchical(String sensitive, double t, List<List<String>> arxRows) {
      criteria.add(new TClosenessHierarchical(sensitive, t, arxRows));
      return this;
    }

    /**
     * Declares the distribution of a sensitive variable over the whole original table, for t-closeness.
     *
     * @param sensitive the sensitive variable
     * @param counts count per value ({@code ""} for missing), non-negative, not all zero
     * @return this builder
     */
    public Builder tClosenessReference(String sensitive, Map<String, Long> counts) {
      long total = 0;
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        if (e.getValue() < 0) {
          throw new IllegalArgumentException("reference counts of '" + sensitive + "' must not be negative");
        }
        total += e.getValue();
      }
      if (total == 0) {
        throw new IllegalArgumentException("reference counts of '" + sensitive + "' are all zero");
      }
      references.put(Objects.requireNonNull(sensitive, "sensitive"), new LinkedHashMap<>(counts));
      return this;
    }

    /**
     * Chooses how missing quasi-identifier values count: false (default, ARX) as a value of their own;
     * true (sdcMicro) as a wildcard, every record then needing at least k compatible records.
     *
     * @param wildcard whether missing matches any value
     * @return this builder
     */
    public Builder missingAsWildcard(boolean wildcard) {
      this.missingAsWildcard = wildcard;
      return this;
    }

    /**
     * Sets the record suppression limit: removed plus suppressed records at most &lfloor;share &times;
     * originalRows&rfloor;.
     *
     * @param share in [0, 1]
     * @param originalRows the row count of the table before de-identification, at least 0
     * @return this builder
     */
    public Builder suppressionLimit(double share, int originalRows) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("suppression share must be in [0, 1], was " + share);
      }
      if (originalRows < 0) {
        throw new IllegalArgumentException("originalRows must not be negative, was " + originalRows);
      }
      this.suppressionShare = share;
      this.originalRows = originalRows;
      return this;
    }

    /**
     * Validates and copies into an immutable specification.
     *
     * @return the specification
     * @throws VerificationException naming the variable, row and level when a hierarchy is malformed, or
     *     when a hierarchy or criterion names a variable that is a quasi-identifier where it must not be
     */
    public VerificationSpec build() {
      for (Map.Entry<String, List<List<String>>> e : hierarchies.entrySet()) {
        if (!quasiIdentifiers.contains(e.getKey())) {
          throw new VerificationException(
              "hierarchy given for '" + e.getKey() + "', which is not a declared quasi-identifier");
        }
        HierarchyTable.parse(e.getKey(), e.getValue());
      }
      for (Criterion c : criteria) {
        if (quasiIdentifiers.contains(c.sensitive())) {
          throw new VerificationException(
              "'" + c.sensitive() + "' is declared both a quasi-identifier and a sensitive variable");
        }
        if (c instanceof TClosenessHierarchical h) {
          HierarchyTable.parse(h.sensitive(), h.hierarchy());
        }
      }
      return new VerificationSpec(this);
    }
  }
}
