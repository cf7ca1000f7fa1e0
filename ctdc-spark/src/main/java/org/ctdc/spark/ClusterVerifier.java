package org.ctdc.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ctdc.deid.verify.VerificationException;
import org.ctdc.deid.verify.VerificationResult;
import org.ctdc.deid.verify.VerificationSpec;
import org.ctdc.deid.verify.Violation;
import org.jspecify.annotations.Nullable;

/**
 * The independent verifier on the cluster: checks a release held as a Spark {@code Dataset<Row>} against a
 * {@link VerificationSpec}, with the rules and definitions of {@link org.ctdc.deid.verify.Verifier} (missing
 * values as a value of their own). It shares no code with the generalisation search nor with the local
 * verifier: one group-by of the release over the quasi-identifiers and the criteria's sensitive variables
 * gives the classes and each class's distributions; it is collected (its size is the number of classes
 * times the sensitive combinations present, not the number of records) and checked on the driver.
 *
 * <ol>
 *   <li>Hierarchies: every non-missing value of a quasi-identifier is a value of its hierarchy, and all the
 *       column's values share one level.
 *   <li>Suppression: the original rows less the release's rows are at most &lfloor;share &times; original
 *       rows&rfloor;, computed in decimal.
 *   <li>k: every class has at least k records.
 *   <li>Distinct, entropy and recursive (c,l)-diversity, t-closeness with the equal ground distance against
 *       the specification's reference distribution; a missing sensitive value counts as {@code ""}, the
 *       tolerance on entropy and distance is 1e-9.
 * </ol>
 *
 * <p>The wildcard rule and hierarchical t-closeness are not checked here: a specification asking for them is
 * refused with {@link VerificationException} (fail closed).
 *
 * <p>This class is thread-safe (stateless).
 */
public final class ClusterVerifier {
  private static final double EPS = 1e-9;

  private ClusterVerifier() {}

  /**
   * The outcome of a verification on the cluster.
   *
   * <p>This record is immutable and thread-safe.
   *
   * @param passed whether no rule was broken
   * @param violations the violations, at most {@link VerificationResult#LISTED_PER_RULE} listed per rule
   * @param violationCounts all violations by rule
   * @param rows the release's records
   * @param classSizes the release's classes over the quasi-identifiers
   * @param suppressedRecords records removed (original rows less release rows)
   * @param allowedSuppressed the most records the limit allows removed
   */
  public record Result(boolean passed, List<Violation> violations, Map<Violation.Rule, Long> violationCounts,
      long rows, List<ReleaseClass> classSizes, long suppressedRecords, long allowedSuppressed) {

    /** Copies the collections. */
    public Result {
      violations = List.copyOf(violations);
      violationCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(violationCounts));
      classSizes = List.copyOf(classSizes);
    }

    /** @return the classes over the quasi-identifiers with their sizes */
    public List<ReleaseClass> classCounts() {
      return classSizes;
    }

    /** @return the number of classes */
    public long classes() {
      return classSizes.size();
    }

    /** @return the smallest class's size, 0 for an empty release */
    public long smallestClass() {
      return classSizes.stream().mapToLong(ReleaseClass::records).min().orElse(0);
    }

    /** @return one line: passed or the rules broken with their counts; never a value */
    public String summary() {
      if (passed) {
        return "passed: " + rows + " records in " + classes() + " classes, smallest " + smallestClass() + ", "
            + suppressedRecords + " removed of at most " + allowedSuppressed;
      }
      StringBuilder sb = new StringBuilder("failed:");
      violationCounts.forEach((rule, n) -> sb.append(' ').append(rule.id()).append(" x").append(n));
      return sb.toString();
    }
  }

  /**
   * Verifies a release.
   *
   * @param release the release: a string column per variable, null for missing
   * @param spec what it must satisfy; its original row count is required
   * @param spark the session (for nothing but the jobs' context)
   * @return the result
   * @throws VerificationException if the release lacks a variable the specification names, has more rows
   *     than the original, or the specification asks for a rule not checked on the cluster
   */
  public static Result verify(Dataset<Row> release, VerificationSpec spec, SparkSession spark) {
    if (spec.missingAsWildcard()) {
      throw new VerificationException("the wildcard rule for missing values is not checked on the cluster");
    }
    if (spec.originalRows().isEmpty()) {
      throw new VerificationException("the specification gives no original row count (rule: the cluster "
          + "verifier checks the suppression limit against it)");
    }
    List<String> present = Arrays.asList(release.columns());
    List<String> qis = spec.quasiIdentifiers();
    for (String q : qis) {
      if (!present.contains(q)) {
        throw new VerificationException("the release has no quasi-identifier variable '" + q + "'");
      }
    }
    for (VerificationSpec.Criterion c : spec.criteria()) {
      if (!present.contains(c.sensitive())) {
        throw new VerificationException("the release has no sensitive variable '" + c.sensitive() + "'");
      }
      if (c instanceof VerificationSpec.TClosenessHierarchical) {
        throw new VerificationException("t-closeness of '" + c.sensitive()
            + "' with a hierarchical distance is not checked on the cluster");
      }
    }
    Checks checks = new Checks(qis);
    List<String> sensitive = spec.criteria().stream().map(VerificationSpec.Criterion::sensitive).distinct().toList();
    Map<List<@Nullable String>, Map<List<String>, Long>> joint = group(release, qis, sensitive);
    List<ReleaseClass> classes = new ArrayList<>();
    joint.forEach((k, v) -> classes.add(new ReleaseClass(k, v.values().stream().mapToLong(Long::longValue).sum())));
    long rows = 0;
    for (ReleaseClass c : classes) {
      rows += c.records();
    }
    long original = spec.originalRows().getAsInt();
    if (rows > original) {
      throw new VerificationException("the release has " + rows + " rows, more than the " + original
          + " original rows");
    }
    for (int j = 0; j < qis.size(); j++) {
      final int jj = j;
      spec.hierarchy(qis.get(j)).ifPresent(h -> checks.hierarchy(qis.get(jj), jj, classes, h));
    }
    long removed = original - rows;
    long allowed = BigDecimal.valueOf(spec.suppressionShare()).multiply(BigDecimal.valueOf(original))
        .setScale(0, RoundingMode.FLOOR).longValueExact();
    if (removed > allowed) {
      checks.add(new Violation(Violation.Rule.SUPPRESSION_LIMIT, List.of(), 0, List.of(), removed, allowed,
          removed + " records removed, at most " + allowed + " allowed"));
    }
    for (ReleaseClass c : classes) {
      if (c.records() < spec.k()) {
        checks.add(new Violation(Violation.Rule.CLASS_TOO_SMALL, qis, c.records(), shown(c.values()), c.records(),
            spec.k(), "a class has " + c.records() + " records, k = " + spec.k()));
      }
    }
    for (VerificationSpec.Criterion crit : spec.criteria()) {
      int j = sensitive.indexOf(crit.sensitive());
      Map<String, Long> reference = spec.tClosenessReference(crit.sensitive()).orElse(Map.of());
      for (Map.Entry<List<@Nullable String>, Map<List<String>, Long>> e : joint.entrySet()) {
        Map<String, Long> dist = new HashMap<>();
        e.getValue().forEach((values, n) -> dist.merge(values.get(j), n, Long::sum));
        checks.criterion(crit, e.getKey(), dist, reference);
      }
    }
    return new Result(checks.listed.isEmpty(), checks.listed, checks.counts, rows, classes, removed, allowed);
  }

  /**
   * One group-by over the quasi-identifiers and the sensitive variables: per class (null for missing), the
   * records per combination of sensitive values (missing as {@code ""}).
   */
  private static Map<List<@Nullable String>, Map<List<String>, Long>> group(Dataset<Row> release,
      List<String> qis, List<String> sensitive) {
    List<Column> cols = new ArrayList<>();
    for (String name : qis) {
      cols.add(functions.col("`" + name.replace("`", "``") + "`").cast("string"));
    }
    for (String name : sensitive) {
      cols.add(functions.col("`" + name.replace("`", "``") + "`").cast("string"));
    }
    int m = qis.size();
    Map<List<@Nullable String>, Map<List<String>, Long>> out = new HashMap<>();
    for (Row r : release.groupBy(cols.toArray(new Column[0])).count().collectAsList()) {
      List<@Nullable String> key = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        key.add(r.isNullAt(i) ? null : r.getString(i));
      }
      List<String> values = new ArrayList<>();
      for (int j = 0; j < sensitive.size(); j++) {
        values.add(r.isNullAt(m + j) ? "" : r.getString(m + j));
      }
      out.computeIfAbsent(key, x -> new HashMap<>()).merge(values, r.getLong(cols.size()), Long::sum);
    }
    return out;
  }

  private static List<String> shown(List<@Nullable String> values) {
    return values.stream().map(v -> v == null ? Violation.MISSING : v).toList();
  }

  /** The violations found so far. */
  private static final class Checks {
    private final List<String> qis;
    private final List<Violation> listed = new ArrayList<>();
    private final EnumMap<Violation.Rule, Long> counts = new EnumMap<>(Violation.Rule.class);

    Checks(List<String> qis) {
      this.qis = qis;
    }

    void add(Violation v) {
      long n = counts.merge(v.rule(), 1L, Long::sum);
      if (n <= VerificationResult.LISTED_PER_RULE) {
        listed.add(v);
      }
    }

    /** Values of the column all in the hierarchy, at one common level. */
    void hierarchy(String qi, int j, List<ReleaseClass> classes, List<List<String>> rows) {
      Set<String> values = new HashSet<>();
      for (ReleaseClass c : classes) {
        String v = c.values().get(j);
        if (v != null) {
          values.add(v);
        }
      }
      int levels = rows.stream().mapToInt(List::size).max().orElse(0);
      java.util.BitSet common = new java.util.BitSet();
      common.set(0, levels);
      for (String v : values) {
        java.util.BitSet at = new java.util.BitSet();
        for (List<String> row : rows) {
          for (int l = 0; l < row.size(); l++) {
            if (row.get(l).equals(v)) {
              at.set(l);
            }
          }
        }
        if (at.isEmpty()) {
          add(new Violation(Violation.Rule.VALUE_OUTSIDE_HIERARCHY, List.of(qi), 0, List.of(), 0, 0,
              "a value of '" + qi + "' is not a value of its hierarchy at any level"));
        } else {
          common.and(at);
        }
      }
      if (common.isEmpty() && !values.isEmpty() && !counts.containsKey(Violation.Rule.VALUE_OUTSIDE_HIERARCHY)) {
        add(new Violation(Violation.Rule.MIXED_LEVELS, List.of(qi), 0, List.of(), 0, 0,
            "the values of '" + qi + "' share no level of its hierarchy"));
      }
    }

    void criterion(VerificationSpec.Criterion crit, List<@Nullable String> key, Map<String, Long> counts,
        Map<String, Long> reference) {
      long total = 0;
      for (long c : counts.values()) {
        total += c;
      }
      int distinct = counts.size();
      String s = crit.sensitive();
      if (crit instanceof VerificationSpec.DistinctL d) {
        if (distinct < d.l()) {
          add(new Violation(Violation.Rule.DISTINCT_L_DIVERSITY, qis, total, shown(key), distinct, d.l(),
              "a class of " + total + " records has " + distinct + " distinct values of '" + s + "', l = " + d.l()));
        }
      } else if (crit instanceof VerificationSpec.EntropyL e) {
        double h = 0;
        for (long c : counts.values()) {
          double p = (double) c / total;
          h -= p * Math.log(p);
        }
        if (h < Math.log(e.l()) - EPS) {
          add(new Violation(Violation.Rule.ENTROPY_L_DIVERSITY, qis, total, shown(key), h, Math.log(e.l()),
              "a class of " + total + " records has too low an entropy of '" + s + "', l = " + e.l()));
        }
      } else if (crit instanceof VerificationSpec.RecursiveCL rc) {
        long[] desc = counts.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long r1 = desc.length == 0 ? 0 : desc[desc.length - 1];
        long rest = 0;
        // r_l + r_(l+1) + ... in descending order: the (distinct - l + 1) smallest counts
        for (int i = 0; i <= desc.length - rc.l(); i++) {
          rest += desc[i];
        }
        if (!(r1 < rc.c() * rest)) {
          add(new Violation(Violation.Rule.RECURSIVE_CL_DIVERSITY, qis, total, shown(key), r1, rc.c() * rest,
              "a class of " + total + " records breaks recursive (" + rc.c() + "," + rc.l() + ")-diversity of '"
                  + s + "'"));
        }
      } else if (crit instanceof VerificationSpec.TClosenessEqual t) {
        long all = 0;
        for (long c : reference.values()) {
          all += c;
        }
        double diff = 0;
        double covered = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
          double q = all == 0 ? 0 : (double) reference.getOrDefault(e.getKey(), 0L) / all;
          diff += Math.abs((double) e.getValue() / total - q);
          covered += q;
        }
        double emd = 0.5 * (diff + Math.max(0, 1 - covered));
        if (emd > t.t() + EPS) {
          add(new Violation(Violation.Rule.T_CLOSENESS_EQUAL, qis, total, shown(key), emd, t.t(),
              "a class of " + total + " records is too far from the distribution of '" + s + "', t = " + t.t()));
        }
      }
    }
  }
}
