package org.ctdc.deid;

import java.util.Optional;

/**
 * A privacy model that every equivalence class of a release must satisfy; records of classes that do not
 * are suppressed, within the configured limit. Models combine: a class passes when it passes every model.
 * The definitions are those of {@code METHODS.md}:
 *
 * <ul>
 *   <li>{@link KAnonymity}: at least {@code k} records per class (CTDC used {@code k = 11});
 *   <li>{@link DistinctLDiversity}: at least {@code l} distinct values of the sensitive variable per class;
 *   <li>{@link EntropyLDiversity}: the (natural-log) entropy of the class's sensitive values is at least
 *       {@code log(l)}, with a tolerance of 1e-12;
 *   <li>{@link RecursiveClDiversity}: with value counts sorted {@code r1 >= r2 >= ...},
 *       {@code r1 < c * (r_l + r_{l+1} + ...)};
 *   <li>{@link TCloseness}: the Earth Mover's Distance between the class's sensitive distribution and the
 *       input's is at most {@code t}, with equal ground distance or the hierarchical distance of Li, Li and
 *       Venkatasubramanian.
 * </ul>
 *
 * <p>A missing sensitive value counts as a value of its own (one per missing reason).
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface PrivacyModel {

  /** CTDC's k for its k-anonymised global dataset. */
  int CTDC_DEFAULT_K = 11;

  /**
   * The sensitive variable this model protects.
   *
   * @return the variable's name, or empty for k-anonymity
   */
  Optional<String> sensitive();

  /**
   * Whether the share of records in failing classes can only fall along the lattice when this model is
   * combined with record suppression (k-anonymity and distinct l-diversity). For the others monotonicity
   * holds only without suppression, and the search prunes by bounds instead.
   *
   * @return true if monotone with suppression
   */
  boolean monotoneWithSuppression();

  /**
   * k-anonymity.
   *
   * @param k the least class size, at least 1
   */
  record KAnonymity(int k) implements PrivacyModel {
    /** @throws DeidException if {@code k < 1} */
    public KAnonymity {
      if (k < 1) {
        throw new DeidException("k-anonymity: k must be at least 1, is " + k);
      }
    }

    @Override
    public Optional<String> sensitive() {
      return Optional.empty();
    }

    @Override
    public boolean monotoneWithSuppression() {
      return true;
    }
  }

  /**
   * Distinct l-diversity.
   *
   * @param variable the sensitive variable
   * @param l the least number of distinct values per class, at least 1
   */
  record DistinctLDiversity(String variable, int l) implements PrivacyModel {
    /** @throws DeidException if {@code l < 1} or the variable is blank */
    public DistinctLDiversity {
      requireVariable(variable, "distinct l-diversity");
      if (l < 1) {
        throw new DeidException("distinct l-diversity on '" + variable + "': l must be at least 1, is " + l);
      }
    }

    @Override
    public Optional<String> sensitive() {
      return Optional.of(variable);
    }

    @Override
    public boolean monotoneWithSuppression() {
      return true;
    }
  }

  /**
   * Entropy l-diversity.
   *
   * @param variable the sensitive variable
   * @param l the least effective number of values, at least 1
   */
  record EntropyLDiversity(String variable, double l) implements PrivacyModel {
    /** @throws DeidException if {@code l < 1} or the variable is blank */
    public EntropyLDiversity {
      requireVariable(variable, "entropy l-diversity");
      if (!(l >= 1)) {
        throw new DeidException("entropy l-diversity on '" + variable + "': l must be at least 1, is " + l);
      }
    }

    @Override
    public Optional<String> sensitive() {
      return Optional.of(variable);
    }

    @Override
    public boolean monotoneWithSuppression() {
      return false;
    }
  }

  /**
   * Recursive (c,l)-diversity.
   *
   * @param variable the sensitive variable
   * @param c the constant c, positive
   * @param l the level l, at least 1
   */
  record RecursiveClDiversity(String variable, double c, int l) implements PrivacyModel {
    /** @throws DeidException if {@code c <= 0}, {@code l < 1} or the variable is blank */
    public RecursiveClDiversity {
      requireVariable(variable, "recursive (c,l)-diversity");
      if (!(c > 0) || l < 1) {
        throw new DeidException(
            "recursive (c,l)-diversity on '" + variable + "': c must be positive and l at least 1");
      }
    }

    @Override
    public Optional<String> sensitive() {
      return Optional.of(variable);
    }

    @Override
    public boolean monotoneWithSuppression() {
      return false;
    }
  }

  /**
   * t-closeness.
   *
   * @param variable the sensitive variable
   * @param t the largest distance allowed, in [0, 1]
   * @param hierarchy the hierarchy of the sensitive variable for the hierarchical distance, or empty for
   *     the equal distance
   */
  record TCloseness(String variable, double t, Optional<Hierarchy> hierarchy) implements PrivacyModel {
    /** @throws DeidException if {@code t} is outside [0, 1] or the variable is blank */
    public TCloseness {
      requireVariable(variable, "t-closeness");
      if (!(t >= 0 && t <= 1)) {
        throw new DeidException("t-closeness on '" + variable + "': t must lie in [0, 1], is " + t);
      }
    }

    /**
     * t-closeness with equal ground distance.
     *
     * @param variable the sensitive variable
     * @param t the largest distance
     * @return the model
     */
    public static TCloseness equalDistance(String variable, double t) {
      return new TCloseness(variable, t, Optional.empty());
    }

    /**
     * t-closeness with the hierarchical ground distance.
     *
     * @param variable the sensitive variable
     * @param t the largest distance
     * @param hierarchy the variable's hierarchy
     * @return the model
     */
    public static TCloseness hierarchical(String variable, double t, Hierarchy hierarchy) {
      return new TCloseness(variable, t, Optional.of(hierarchy));
    }

    @Override
    public Optional<String> sensitive() {
      return Optional.of(variable);
    }

    @Override
    public boolean monotoneWithSuppression() {
      return false;
    }
  }

  private static void requireVariable(String variable, String model) {
    if (variable == null || variable.isBlank()) {
      throw new DeidException(model + ": the sensitive variable must be named");
    }
  }
}
