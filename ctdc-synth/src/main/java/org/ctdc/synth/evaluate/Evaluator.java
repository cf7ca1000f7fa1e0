package org.ctdc.synth.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;

/**
 * The independent evaluator: recounts every combination of one to R attributes of the chosen columns in the
 * sensitive and in the synthetic data, with its own attribute coding and its own tallies (no code shared with
 * the aggregation or the synthesis), and compares them: preservation by length and by count bucket, fabricated
 * and suppressed combinations, and the hard check of k-synthetic mode (no combination of the output occurs
 * fewer than {@code resolution} times in the sensitive data).
 *
 * <p>Attributes are read as the aggregation defines them: a missing cell is no attribute, a multi-valued cell
 * one attribute per code, and a zero (flag "no", a code written {@code 0}, the count 0) only in a column with
 * sensitive zeros. Columns are found by name in each dataset.
 *
 * <p>Made by {@link #of}. Immutable and thread-safe.
 */
public final class Evaluator {
  /** Upper bounds of the count buckets (by the sensitive count); the last bucket is open. */
  static final long[] BUCKETS = {10, 100, 1000, 10_000, Long.MAX_VALUE};

  private final List<String> columns;
  private final List<String> sensitiveZeros;
  private final int reportingLength;
  private final int resolution;

  private Evaluator(List<String> columns, List<String> sensitiveZeros, int reportingLength, int resolution) {
    this.columns = List.copyOf(columns);
    this.sensitiveZeros = List.copyOf(sensitiveZeros);
    this.reportingLength = reportingLength;
    this.resolution = resolution;
  }

  /**
   * An evaluator.
   *
   * @param columns the chosen columns
   * @param sensitiveZeros the columns whose zero is an attribute
   * @param reportingLength R, 1 to 8
   * @param resolution the resolution, at least 1
   * @return the evaluator
   * @throws IllegalArgumentException naming the setting out of range
   */
  public static Evaluator of(List<String> columns, List<String> sensitiveZeros, int reportingLength,
      int resolution) {
    if (reportingLength < 1 || reportingLength > 8) {
      throw new IllegalArgumentException("reportingLength must be from 1 to 8");
    }
    if (resolution < 1) {
      throw new IllegalArgumentException("resolution must be at least 1");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns must name at least one column");
    }
    return new Evaluator(columns, sensitiveZeros, reportingLength, resolution);
  }

  /**
   * Compares synthetic data with the sensitive data.
   *
   * @param sensitive the sensitive data
   * @param synthetic the synthetic data (columns found by name)
   * @return the evaluation
   * @throws IllegalArgumentException naming a column one of the datasets lacks
   */
  public Evaluation evaluate(Dataset sensitive, Dataset synthetic) {
    Objects.requireNonNull(sensitive, "sensitive");
    Objects.requireNonNull(synthetic, "synthetic");
    // one code per (column, value) over both datasets, columns in the sensitive schema's order
    List<String> ordered = new ArrayList<>(columns);
    ordered.sort((x, y) -> Integer.compare(sensitive.column(x), sensitive.column(y)));
    Map<Long, Integer> codes = new HashMap<>();
    TallyTable[] sens = tally(sensitive, ordered, codes);
    TallyTable[] syn = tally(synthetic, ordered, codes);
    List<Evaluation.ByLength> byLength = new ArrayList<>();
    long[][] bucket = new long[BUCKETS.length][4];
    double[][] bucketErr = new double[BUCKETS.length][2];
    long rare = 0;
    for (int k = 1; k <= reportingLength; k++) {
      long[] t = new long[6]; // sensitive combos, synthetic combos, fabricated, suppressed, preserved, rareInOutput
      double[] err = new double[3]; // sum abs, sum rel, rel count
      TallyTable synK = syn[k];
      sens[k].each((key, s) -> {
        long y = synK.tally(key);
        t[0]++;
        err[0] += Math.abs(y - s);
        err[1] += Math.abs(y - s) / (double) s;
        err[2]++;
        if (s >= resolution) {
          if (y == 0) {
            t[3]++;
          } else {
            t[4]++;
          }
        }
        int b = 0;
        while (s >= BUCKETS[b]) {
          b++;
        }
        bucket[b][0]++;
        bucket[b][1] += y > 0 ? 1 : 0;
        bucketErr[b][0] += Math.abs(y - s);
        bucketErr[b][1] += Math.abs(y - s) / (double) s;
      });
      TallyTable sensK = sens[k];
      syn[k].each((key, y) -> {
        long s = sensK.tally(key);
        t[1]++;
        if (s == 0) {
          t[2]++;
          err[0] += y;
        }
        if (s < resolution) {
          t[5]++;
        }
      });
      rare += t[5];
      long union = t[0] + t[2];
      byLength.add(new Evaluation.ByLength(k, t[0], t[1], t[2], t[3], t[5],
          union == 0 ? 0 : err[0] / union, err[2] == 0 ? 0 : err[1] / err[2],
          t[3] + t[4] == 0 ? 1 : (double) t[4] / (t[3] + t[4])));
    }
    List<Evaluation.ByBucket> byBucket = new ArrayList<>();
    long low = 1;
    for (int b = 0; b < BUCKETS.length; b++) {
      long n = bucket[b][0];
      byBucket.add(new Evaluation.ByBucket(low, BUCKETS[b] == Long.MAX_VALUE ? -1 : BUCKETS[b] - 1, n,
          n == 0 ? 0 : bucketErr[b][0] / n, n == 0 ? 0 : bucketErr[b][1] / n, n == 0 ? 1 : (double) bucket[b][1] / n));
      low = BUCKETS[b];
    }
    return new Evaluation(reportingLength, resolution, sensitive.rowCount(), synthetic.rowCount(), byLength,
        byBucket, rare);
  }

  private TallyTable[] tally(Dataset d, List<String> ordered, Map<Long, Integer> codes) {
    int[] col = new int[ordered.size()];
    boolean[] zeros = new boolean[col.length];
    for (int i = 0; i < col.length; i++) {
      col[i] = d.column(ordered.get(i));
      zeros[i] = sensitiveZeros.contains(ordered.get(i));
    }
    TallyTable[] out = new TallyTable[reportingLength + 1];
    for (int k = 1; k <= reportingLength; k++) {
      out[k] = new TallyTable();
    }
    List<Integer> attrs = new ArrayList<>();
    int[] buf = new int[64];
    for (int row = 0; row < d.rowCount(); row++) {
      attrs.clear();
      for (int i = 0; i < col.length; i++) {
        Variable v = d.variable(col[i]);
        if (d.isMissing(row, col[i])) {
          continue;
        }
        if (v.kind().isClosed() && v.isMultiValued()) {
          long mask = d.codeSet(row, col[i]);
          for (int code = 0; code < 64; code++) {
            if ((mask & (1L << code)) != 0 && (zeros[i] || !isZero(v, code))) {
              attrs.add(code(codes, i, code));
            }
          }
        } else if (v.kind().isClosed()) {
          int code = d.code(row, col[i]);
          if (zeros[i] || !isZero(v, code)) {
            attrs.add(code(codes, i, code));
          }
        } else if (v.kind().isInteger()) {
          int x = d.intValue(row, col[i]);
          if (zeros[i] || x != 0) {
            attrs.add(code(codes, i, x));
          }
        } else {
          throw new IllegalArgumentException("column '" + v.name() + "' is free text; it cannot be evaluated");
        }
      }
      attrs.sort(null);
      if (buf.length < attrs.size()) {
        buf = new int[attrs.size()];
      }
      for (int i = 0; i < attrs.size(); i++) {
        buf[i] = attrs.get(i);
      }
      subsets(buf, attrs.size(), 0, 0, 0L, out);
    }
    return out;
  }

  private void subsets(int[] a, int m, int from, int size, long key, TallyTable[] out) {
    for (int i = from; i < m; i++) {
      long next = key | ((long) (a[i] + 1) << (width() * size));
      out[size + 1].increment(next);
      if (size + 1 < reportingLength) {
        subsets(a, m, i + 1, size + 1, next, out);
      }
    }
  }

  /** Bits per attribute in a key: 16, fewer from length 5 on. */
  private int width() {
    return Math.min(16, 64 / reportingLength);
  }

  private static boolean isZero(Variable v, int code) {
    return v.kind() == VariableKind.FLAG ? code == 0 : v.values().code(code).code().equals("0");
  }

  /** Codes are per (column position, value), in first-seen order; the order is irrelevant to the counts. */
  private int code(Map<Long, Integer> codes, int column, int value) {
    long k = ((long) column << 32) | (value & 0xFFFFFFFFL);
    Integer c = codes.get(k);
    if (c == null) {
      c = codes.size();
      if (c >= (1 << width()) - 2) {
        throw new IllegalArgumentException("too many attributes to evaluate at reportingLength " + reportingLength);
      }
      codes.put(k, c);
    }
    return c;
  }
}
