package org.ctdc.deid.verify;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of {@link Verifier#verify}: whether the release passed, the violations found (at most
 * {@value #LISTED_PER_RULE} listed per rule, all counted), and figures about the release.
 *
 * <p>Nothing in a result is a sensitive value; class descriptors show generalised quasi-identifier values
 * only (see {@link Violation}).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class VerificationResult {

  /** The most violations listed per rule; more are counted in {@link #violationCounts()}. */
  public static final int LISTED_PER_RULE = 100;

  private final List<Violation> violations;
  private final Map<Violation.Rule, Long> counts;
  private final int rows;
  private final long classes;
  private final long smallestClass;
  private final long suppressedRecords;
  private final long allowedSuppressed;
  private final Map<String, Integer> levels;

  VerificationResult(
      List<Violation> violations,
      Map<Violation.Rule, Long> counts,
      int rows,
      long classes,
      long smallestClass,
      long suppressedRecords,
      long allowedSuppressed,
      Map<String, Integer> levels) {
    this.violations = List.copyOf(violations);
    EnumMap<Violation.Rule, Long> c = new EnumMap<>(Violation.Rule.class);
    c.putAll(counts);
    this.counts = java.util.Collections.unmodifiableMap(c);
    this.rows = rows;
    this.classes = classes;
    this.smallestClass = smallestClass;
    this.suppressedRecords = suppressedRecords;
    this.allowedSuppressed = allowedSuppressed;
    this.levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
  }

  /** @return true when no rule is broken */
  public boolean passed() {
    return counts.isEmpty();
  }

  /** @return the listed violations, grouped by rule in the order of {@link Violation.Rule} */
  public List<Violation> violations() {
    return violations;
  }

  /** @return the number of violations per broken rule (rules not broken are absent) */
  public Map<Violation.Rule, Long> violationCounts() {
    return counts;
  }

  /** @return the release's row count */
  public int rows() {
    return rows;
  }

  /**
   * The number of equivalence classes among the records that are not suppressed (exact release values,
   * missing as a value of its own).
   *
   * @return the count
   */
  public long classes() {
    return classes;
  }

  /**
   * The smallest class size; under the wildcard rule the smallest number of records compatible with a
   * record.
   *
   * @return the size, 0 when there is no record
   */
  public long smallestClass() {
    return smallestClass;
  }

  /** @return records removed (original rows minus release rows) plus records with every QI suppressed */
  public long suppressedRecords() {
    return suppressedRecords;
  }

  /** @return the allowed number of suppressed records, or -1 when no limit was set */
  public long allowedSuppressed() {
    return allowedSuppressed;
  }

  /**
   * The generalisation level found for each quasi-identifier with a hierarchy whose values share one: the
   * lowest level common to all values of the column.
   *
   * @return level by QI name, for the QIs where it could be determined
   */
  public Map<String, Integer> levels() {
    return levels;
  }

  /**
   * A one-line summary without values, such as {@code PASSED: 1000 rows, 40 classes, smallest 11, ...}.
   *
   * @return the line
   */
  public String summary() {
    StringBuilder sb = new StringBuilder(passed() ? "PASSED" : "FAILED");
    sb.append(": ").append(rows).append(" rows, ").append(classes).append(" classes, smallest ")
        .append(smallestClass).append(", suppressed records ").append(suppressedRecords);
    if (allowedSuppressed >= 0) {
      sb.append(" of ").append(allowedSuppressed).append(" allowed");
    }
    if (!levels.isEmpty()) {
      sb.append(", levels ").append(levels.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}")));
    }
    if (!passed()) {
      sb.append("; violations: ").append(counts.entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "%s %d", e.getKey().id(), e.getValue()))
          .collect(Collectors.joining(", ")));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return summary();
  }
}
