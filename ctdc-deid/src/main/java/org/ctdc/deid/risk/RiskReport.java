package org.ctdc.deid.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Re-identification risk of a dataset over a set of quasi-identifiers, computed by
 * {@link RiskMeasures#of}. Aggregates (class-size histogram, sample uniques, small-class records,
 * prosecutor risk, global individual risk) and per-record figures ({@link #fk(int)}, {@link #Fk(int)},
 * {@link #prosecutorRisk(int)}, {@link #individualRisk(int)}). {@link #toJson()} holds aggregates only,
 * never per-record values. Definitions are on {@link RiskMeasures}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RiskReport {
  private final List<String> quasiIdentifiers;
  private final RiskOptions options;
  private final int rows;
  private final int[] comboOf;
  private final int[] fk;
  private final double[] bigFk;
  private final double[] rk;
  private final SortedMap<Integer, Long> histogram;
  private final long classes;
  private final long sampleUniques;
  private final long recordsInSmallClasses;
  private final double maxProsecutor;
  private final double averageProsecutor;
  private final long recordsAboveRiskThreshold;
  private final double expectedReidentifications;

  RiskReport(List<String> quasiIdentifiers, RiskOptions options, int rows, int[] comboOf, int[] fk,
      double[] bigFk, double[] rk, SortedMap<Integer, Long> histogram, long classes) {
    this.quasiIdentifiers = List.copyOf(quasiIdentifiers);
    this.options = options;
    this.rows = rows;
    this.comboOf = comboOf;
    this.fk = fk;
    this.bigFk = bigFk;
    this.rk = rk;
    this.histogram = Collections.unmodifiableSortedMap(new TreeMap<>(histogram));
    this.classes = classes;
    // Sums run per class in the canonical class order (classes are numbered by their sorted key), never in
    // row order, so that the floating-point totals do not depend on the order of the input rows.
    long[] members = new long[fk.length];
    for (int r = 0; r < rows; r++) {
      members[comboOf[r]]++;
    }
    long uniques = 0;
    long small = 0;
    double max = 0;
    double sum = 0;
    long above = 0;
    double expected = 0;
    for (int c = 0; c < members.length; c++) {
      long m = members[c];
      if (m == 0) {
        continue;
      }
      int f = fk[c];
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
      expected += m * rk[c];
    }
    this.sampleUniques = uniques;
    this.recordsInSmallClasses = small;
    this.maxProsecutor = max;
    this.averageProsecutor = rows == 0 ? 0 : sum / rows;
    this.recordsAboveRiskThreshold = above;
    this.expectedReidentifications = expected;
  }

  /** @return the quasi-identifiers, in order */
  public List<String> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /** @return the options used */
  public RiskOptions options() {
    return options;
  }

  /** @return the number of records */
  public int rows() {
    return rows;
  }

  /**
   * The equivalence-class size distribution over exact values (missing as a value of its own, whatever
   * the option).
   *
   * @return number of classes by class size, ascending sizes
   */
  public SortedMap<Integer, Long> classSizeHistogram() {
    return histogram;
  }

  /** @return the number of distinct quasi-identifier combinations (missing as a value of its own) */
  public long classes() {
    return classes;
  }

  /** @return records with fk = 1 */
  public long sampleUniques() {
    return sampleUniques;
  }

  /** @return records with fk below the small-class threshold */
  public long recordsInSmallClasses() {
    return recordsInSmallClasses;
  }

  /** @return the largest prosecutor risk 1/fk, 0 for an empty dataset */
  public double maxProsecutorRisk() {
    return maxProsecutor;
  }

  /** @return the mean over records of 1/fk, 0 for an empty dataset */
  public double averageProsecutorRisk() {
    return averageProsecutor;
  }

  /** @return records whose 1/fk exceeds the risk threshold */
  public long recordsAboveRiskThreshold() {
    return recordsAboveRiskThreshold;
  }

  /** @return the share of records whose 1/fk exceeds the risk threshold, 0 for an empty dataset */
  public double shareAboveRiskThreshold() {
    return rows == 0 ? 0 : (double) recordsAboveRiskThreshold / rows;
  }

  /** @return the sum of the individual risks: the expected number of re-identifications */
  public double expectedReidentifications() {
    return expectedReidentifications;
  }

  /** @return the expected re-identifications divided by the number of records, 0 for an empty dataset */
  public double globalRisk() {
    return rows == 0 ? 0 : expectedReidentifications / rows;
  }

  /**
   * sdcMicro's fk of a record: the records sharing its key (under the wildcard rule: compatible with it),
   * itself included.
   *
   * @param row the row
   * @return fk, at least 1
   */
  public int fk(int row) {
    return fk[comboOf[java.util.Objects.checkIndex(row, rows)]];
  }

  /**
   * sdcMicro's Fk of a record: the sum of the sampling weights of the records counted in fk; equal to fk
   * without weights.
   *
   * @param row the row
   * @return Fk
   */
  @SuppressWarnings("MethodName")
  public double Fk(int row) {
    return bigFk[comboOf[java.util.Objects.checkIndex(row, rows)]];
  }

  /**
   * @param row the row
   * @return 1 / fk
   */
  public double prosecutorRisk(int row) {
    return 1.0 / fk(row);
  }

  /**
   * The Benedetti-Franconi individual risk of a record (see {@link RiskMeasures}).
   *
   * @param row the row
   * @return the risk
   */
  public double individualRisk(int row) {
    return rk[comboOf[java.util.Objects.checkIndex(row, rows)]];
  }

  /** @return a new array of every record's fk */
  public int[] fkValues() {
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = fk[comboOf[r]];
    }
    return out;
  }

  /** @return a new array of every record's Fk */
  public double[] FkValues() {
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      out[r] = bigFk[comboOf[r]];
    }
    return out;
  }

  /** @return the aggregates as an ordered map (what {@link #toJson()} writes) */
  public Map<String, Object> aggregates() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("quasiIdentifiers", quasiIdentifiers);
    m.put("missingAsWildcard", options.missingAsWildcard());
    m.put("weighted", options.weights().isPresent());
    m.put("rows", rows);
    m.put("classes", classes);
    Map<String, Long> h = new LinkedHashMap<>();
    histogram.forEach((k, v) -> h.put(Integer.toString(k), v));
    m.put("classSizeHistogram", h);
    m.put("sampleUniques", sampleUniques);
    m.put("smallClassThreshold", options.smallClassThreshold());
    m.put("recordsInSmallClasses", recordsInSmallClasses);
    m.put("maxProsecutorRisk", maxProsecutor);
    m.put("averageProsecutorRisk", averageProsecutor);
    m.put("riskThreshold", options.riskThreshold());
    m.put("recordsAboveRiskThreshold", recordsAboveRiskThreshold);
    m.put("shareAboveRiskThreshold", shareAboveRiskThreshold());
    m.put("expectedReidentifications", expectedReidentifications);
    m.put("globalRisk", globalRisk());
    return Collections.unmodifiableMap(m);
  }

  /** @return the aggregate figures as pretty-printed JSON; never a per-record value */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(aggregates());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a risk report", e);
    }
  }

  /** @return a one-line summary of aggregates */
  @Override
  public String toString() {
    return "RiskReport[" + rows + " rows, " + classes + " classes, " + sampleUniques + " sample uniques, "
        + recordsInSmallClasses + " in classes below " + options.smallClassThreshold() + "]";
  }
}
