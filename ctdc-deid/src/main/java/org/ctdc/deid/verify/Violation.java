package org.ctdc.deid.verify;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule found by the {@link Verifier}.
 *
 * <p>A violation never carries a sensitive value. The {@link #classValues()} describe an equivalence class
 * by its quasi-identifier values as they appear in the release (generalised values, which the release
 * publishes anyway); a missing cell is shown as {@value #MISSING}. A value that lies outside a hierarchy
 * is never shown (it may be an ungeneralised raw value): only the variable, the number of cells and the
 * first row index are given. Values of identifier and free-text variables are never shown either (they are
 * {@value #WITHHELD}), even when a specification names one as a quasi-identifier.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param rule which rule is broken
 * @param variables the quasi-identifier or sensitive variable names the rule concerns
 * @param classSize the size of the class concerned (for the wildcard rule: the number of compatible
 *     records); for a hierarchy rule the number of cells concerned; for the suppression limit the number
 *     of suppressed records; 0 when not applicable
 * @param classValues the class's quasi-identifier values in the order of the specification, or empty
 * @param measured the measured figure the rule compares (distinct values, entropy in nats, EMD, the
 *     dominant count ratio, the suppressed count), or 0 when not applicable
 * @param required the bound the figure had to meet, or 0 when not applicable
 * @param detail a one-line explanation, naming variables and levels but no record values
 */
public record Violation(
    Rule rule,
    List<String> variables,
    long classSize,
    List<String> classValues,
    double measured,
    double required,
    String detail) {

  /** How a missing quasi-identifier cell is shown in {@link #classValues()}. */
  public static final String MISSING = "(missing)";

  /**
   * How a cell of an identifier or free-text variable named as a quasi-identifier is shown in
   * {@link #classValues()}: such values are never shown, whatever the specification says.
   */
  public static final String WITHHELD = "(withheld)";

  /** Validates and copies. */
  public Violation {
    Objects.requireNonNull(rule, "rule");
    variables = List.copyOf(variables);
    classValues = List.copyOf(classValues);
    Objects.requireNonNull(detail, "detail");
    if (classSize < 0) {
      throw new IllegalArgumentException("classSize must not be negative");
    }
  }

  /**
   * The rules the verifier checks, with stable ids for reports.
   *
   * <p>This enum is immutable and thread-safe.
   */
  public enum Rule {
    /** A quasi-identifier cell holds a value that is not a value of its hierarchy at any level. */
    VALUE_OUTSIDE_HIERARCHY("value-outside-hierarchy"),
    /** The values of a quasi-identifier column do not all belong to one common hierarchy level. */
    MIXED_LEVELS("mixed-levels"),
    /** A class (or a record's compatible set, under the wildcard rule) is smaller than k. */
    CLASS_TOO_SMALL("k-anonymity"),
    /** A class has fewer than l distinct sensitive values. */
    DISTINCT_L_DIVERSITY("distinct-l-diversity"),
    /** A class's sensitive-value entropy is below log(l). */
    ENTROPY_L_DIVERSITY("entropy-l-diversity"),
    /** A class's most frequent sensitive value is not below c times the sum of the l-th and rarer ones. */
    RECURSIVE_CL_DIVERSITY("recursive-cl-diversity"),
    /** A class's sensitive distribution is farther than t from the reference (equal ground distance). */
    T_CLOSENESS_EQUAL("t-closeness-equal"),
    /** A class's sensitive distribution is farther than t from the reference (hierarchical distance). */
    T_CLOSENESS_HIERARCHICAL("t-closeness-hierarchical"),
    /** More records were removed or suppressed than the limit allows. */
    SUPPRESSION_LIMIT("suppression-limit");

    private final String id;

    Rule(String id) {
      this.id = id;
    }

    /** @return the stable rule id used in reports, such as {@code k-anonymity} */
    public String id() {
      return id;
    }
  }
}
