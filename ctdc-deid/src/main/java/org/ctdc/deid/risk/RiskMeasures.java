package org.ctdc.deid.risk;

import java.util.List;
import java.util.TreeMap;
import org.ctdc.deid.risk.internal.CompatIndex;
import org.ctdc.deid.risk.internal.QiCodes;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;

/**
 * Re-identification risk measures of a dataset over quasi-identifiers, following sdcMicro's definitions.
 *
 * <ul>
 *   <li>A record's key is its quasi-identifier values. <b>fk</b> is the number of records sharing it, the
 *       record included. With {@link RiskOptions#missingAsWildcard()} a missing value matches any value
 *       (sdcMicro's {@code freqCalc}): fk counts the records compatible with the record, so it is no
 *       longer a class size. <b>Fk</b> is the sum of the sampling weights of those records (an estimate of
 *       the population frequency); without a weight column every weight is 1 and Fk = fk.
 *   <li>Sample uniques: records with fk = 1. Records in small classes: fk below the threshold.
 *   <li>Prosecutor risk of a record: 1 / fk; the maximum, the mean over records and the number and share
 *       of records above the risk threshold are reported.
 *   <li>Individual risk (Benedetti-Franconi, sdcMicro {@code indivRisk}, method "approx", qual = 1) with
 *       p = fk / Fk: if Fk &le; fk (no weights, or weights that do not exceed 1) r = 1 / fk; otherwise
 *       r = (p / (1 - p)) log(1 / p) for fk = 1, r = p / (1 - p) - (p / (1 - p))&sup2; log(1 / p) for
 *       fk = 2, and r = p / (fk - (1 - p)) for fk &gt; 2. Expected re-identifications = &Sigma; r over
 *       records; global risk = that sum / n.
 *   <li>The class-size histogram counts the distinct key combinations by size, missing as a value of its
 *       own.
 * </ul>
 *
 * <p>Keys are mixed-radix longs of dense int codes, grouped by sorting: one pass over the rows, no object
 * per row. The wildcard rule uses an index of combinations by missing-value pattern (a hash lookup per
 * pattern present for each distinct combination).
 *
 * <p>This class is thread-safe (stateless).
 */
public final class RiskMeasures {
  private RiskMeasures() {}

  /**
   * Measures risk.
   *
   * @param data the dataset
   * @param quasiIdentifiers the quasi-identifier names (single-valued closed, year or count variables)
   * @param options the options
   * @return the report
   * @throws RiskException naming the variable when a quasi-identifier or the weight column is unusable,
   *     or naming the row when a weight is missing
   */
  public static RiskReport of(Dataset data, List<String> quasiIdentifiers, RiskOptions options) {
    QiCodes q = new QiCodes(data, quasiIdentifiers);
    QiCodes.Grouping g = q.group();
    int d = g.keys().length;
    int n = data.rowCount();
    double[] weight = weights(data, options);
    long[] count = new long[d];
    double[] wsum = new double[d];
    for (int r = 0; r < n; r++) {
      int c = g.comboOf()[r];
      count[c]++;
      wsum[c] += weight == null ? 1 : weight[r];
    }
    int[] fk = new int[d];
    double[] bigFk = new double[d];
    if (options.missingAsWildcard()) {
      CompatIndex index = new CompatIndex(q);
      for (int c = 0; c < d; c++) {
        index.add(g.keys()[c], count[c], wsum[c]);
      }
      double[] out = new double[2];
      for (int c = 0; c < d; c++) {
        index.query(g.keys()[c], out);
        fk[c] = (int) out[0];
        bigFk[c] = out[1];
      }
    } else {
      for (int c = 0; c < d; c++) {
        fk[c] = (int) count[c];
        bigFk[c] = wsum[c];
      }
    }
    double[] rk = new double[d];
    for (int c = 0; c < d; c++) {
      rk[c] = individualRisk(fk[c], bigFk[c]);
    }
    TreeMap<Integer, Long> histogram = new TreeMap<>();
    for (int c = 0; c < d; c++) {
      histogram.merge((int) count[c], 1L, Long::sum);
    }
    return new RiskReport(quasiIdentifiers, options, n, g.comboOf(), fk, bigFk, rk, histogram, d);
  }

  /**
   * The Benedetti-Franconi individual risk as sdcMicro's {@code indivRisk} (approx) computes it.
   *
   * @param fk the sample frequency, at least 1
   * @param bigFk the estimated population frequency
   * @return the risk
   */
  static double individualRisk(int fk, double bigFk) {
    if (bigFk <= fk) {
      return 1.0 / fk;
    }
    double p = fk / bigFk;
    if (fk == 1) {
      return p / (1 - p) * Math.log(1 / p);
    }
    if (fk == 2) {
      double a = p / (1 - p);
      return a - a * a * Math.log(1 / p);
    }
    return p / (fk - (1 - p));
  }

  private static double @org.jspecify.annotations.Nullable [] weights(Dataset data, RiskOptions options) {
    if (options.weights().isEmpty()) {
      return null;
    }
    String name = options.weights().get();
    int col = data.schema().indexOf(name);
    if (col < 0) {
      throw new RiskException("the dataset has no weight variable '" + name + "'");
    }
    Variable v = data.variable(col);
    if (!v.kind().isInteger()) {
      throw new RiskException("weight variable '" + name + "' must be a count, is " + v.kind());
    }
    double[] w = new double[data.rowCount()];
    for (int r = 0; r < w.length; r++) {
      if (data.isMissing(r, col)) {
        throw new RiskException("row " + (r + 1) + " of weight variable '" + name + "' is missing");
      }
      w[r] = data.intValue(r, col);
      if (w[r] <= 0) {
        throw new RiskException("row " + (r + 1) + " of weight variable '" + name + "' is not positive");
      }
    }
    return w;
  }
}
