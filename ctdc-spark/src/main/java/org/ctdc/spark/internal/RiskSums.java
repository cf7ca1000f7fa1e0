package org.ctdc.spark.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToLongBiFunction;
import org.ctdc.deid.DeidReport;
import org.ctdc.deid.Hierarchy;
import org.ctdc.deid.risk.RiskOptions;
import org.ctdc.schema.Code;
import org.ctdc.schema.Schema;
import org.ctdc.schema.Variable;
import org.ctdc.spark.ReleaseClass;

/**
 * The risk summary of {@link org.ctdc.deid.risk.RiskMeasures} (unweighted, missing as a value of its own)
 * from the class counts of a group-by: fk is the class size, the individual risk 1/fk. The sums run over the
 * classes in the order {@code RiskMeasures} sums them (by their quasi-identifier values, the last
 * quasi-identifier most significant, each by its value-set order or number, missing last), so the totals
 * are the same doubles. Stateless; not API.
 */
public final class RiskSums {
  private RiskSums() {}

  /**
   * The order of an input's values: a closed variable's by its value set, a year's or count's by number.
   *
   * @param schema the input's schema
   * @param qis the quasi-identifiers
   * @return the rank of value {@code v} of quasi-identifier {@code i}
   */
  public static ToLongBiFunction<Integer, String> inputOrder(Schema schema, List<String> qis) {
    List<Variable> vars = qis.stream().map(q -> schema.variables().get(schema.indexOf(q))).toList();
    List<List<String>> codes = new ArrayList<>();
    for (Variable v : vars) {
      codes.add(v.kind().isInteger() ? List.of() : v.values().codes().stream().map(Code::code).toList());
    }
    return (i, value) -> vars.get(i).kind().isInteger() ? Long.parseLong(value.trim())
        : codes.get(i).indexOf(Columns.valueCode(vars.get(i), schema.format(), value));
  }

  /**
   * The order of a release's values: the labels of the chosen level.
   *
   * @param hierarchies the quasi-identifiers' hierarchies
   * @param levels the chosen levels
   * @return the rank of value {@code v} of quasi-identifier {@code i}
   */
  public static ToLongBiFunction<Integer, String> releaseOrder(List<Hierarchy> hierarchies, List<Integer> levels) {
    return (i, value) -> hierarchies.get(i).labels(levels.get(i)).indexOf(value);
  }

  /**
   * The summary.
   *
   * @param classes the class counts
   * @param order the rank of a value of a quasi-identifier
   * @param options the thresholds (weights and the wildcard rule are not used)
   * @return the summary
   */
  public static DeidReport.RiskSummary summary(List<ReleaseClass> classes, ToLongBiFunction<Integer, String> order,
      RiskOptions options) {
    List<long[]> keyed = new ArrayList<>();
    for (ReleaseClass c : classes) {
      int m = c.values().size();
      long[] k = new long[m + 1];
      for (int i = 0; i < m; i++) {
        String v = c.values().get(m - 1 - i);
        k[i] = v == null ? Long.MAX_VALUE : order.applyAsLong(m - 1 - i, v);
      }
      k[m] = c.records();
      keyed.add(k);
    }
    keyed.sort(Comparator.comparing(k -> k, (a, b) -> {
      for (int i = 0; i < a.length - 1; i++) {
        int x = Long.compare(a[i], b[i]);
        if (x != 0) {
          return x;
        }
      }
      return 0;
    }));
    long rows = 0;
    long uniques = 0;
    long small = 0;
    double max = 0;
    double sum = 0;
    long above = 0;
    double expected = 0;
    TreeMap<Integer, Long> histogram = new TreeMap<>();
    for (long[] k : keyed) {
      long m = k[k.length - 1];
      int f = Math.toIntExact(m);
      rows += m;
      histogram.merge(f, 1L, Long::sum);
      if (f == 1) {
        uniques += m;
      }
      if (f < options.smallClassThreshold()) {
        small += m;
      }
      double p = 1.0 / f;
      max = Math.max(max, p);
      sum += m * p;
      if (p > options.riskThreshold()) {
        above += m;
      }
      expected += m * (1.0 / f);
    }
    return new DeidReport.RiskSummary(rows, keyed.size(), histogram, uniques, options.smallClassThreshold(), small,
        max, rows == 0 ? 0 : sum / rows, options.riskThreshold(), above, rows == 0 ? 0 : (double) above / rows,
        expected, rows == 0 ? 0 : expected / rows, false, false);
  }
}
