package org.ctdc.synth.evaluate;

import java.util.List;
import java.util.Locale;

/**
 * What the {@link Evaluator} found. Errors compare each combination's synthetic count with its sensitive count;
 * a combination is "preserved" when its sensitive count reaches the resolution and it occurs in the synthetic
 * data, "suppressed" when it reaches the resolution and does not, "fabricated" when it occurs in the synthetic
 * data only. Immutable and thread-safe.
 *
 * @param reportingLength R
 * @param resolution the resolution
 * @param sensitiveRecords the records of the sensitive data
 * @param syntheticRecords the records of the synthetic data
 * @param byLength one entry per length 1..R
 * @param byBucket one entry per bucket of the sensitive count (1-9, 10-99, 100-999, 1000-9999, 10000 and more)
 * @param rareCombinations combinations of the synthetic data that occur fewer than {@code resolution} times in
 *     the sensitive data (the hard check of k-synthetic mode requires 0)
 */
public record Evaluation(int reportingLength, int resolution, long sensitiveRecords, long syntheticRecords,
    List<ByLength> byLength, List<ByBucket> byBucket, long rareCombinations) {

  /** Copies the lists. */
  public Evaluation {
    byLength = List.copyOf(byLength);
    byBucket = List.copyOf(byBucket);
  }

  /**
   * The comparison of one length.
   *
   * @param length the length
   * @param sensitiveCombinations distinct combinations of the sensitive data
   * @param syntheticCombinations distinct combinations of the synthetic data
   * @param fabricated combinations of the synthetic data absent from the sensitive data
   * @param suppressed combinations of the sensitive data with a count of at least the resolution, absent from
   *     the synthetic data
   * @param rare combinations of the synthetic data whose sensitive count is below the resolution
   * @param meanAbsoluteError the mean of |synthetic - sensitive| over the combinations of either
   * @param meanRelativeError the mean of |synthetic - sensitive| / sensitive over the sensitive combinations
   * @param preserved the share of the sensitive combinations reaching the resolution that the synthetic data has
   */
  public record ByLength(int length, long sensitiveCombinations, long syntheticCombinations, long fabricated,
      long suppressed, long rare, double meanAbsoluteError, double meanRelativeError, double preserved) {}

  /**
   * The comparison of the sensitive combinations whose count falls in one bucket.
   *
   * @param from the smallest sensitive count of the bucket
   * @param to the largest, or -1 for no bound
   * @param combinations the sensitive combinations in it
   * @param meanAbsoluteError mean |synthetic - sensitive|
   * @param meanRelativeError mean |synthetic - sensitive| / sensitive
   * @param preserved the share present in the synthetic data
   */
  public record ByBucket(long from, long to, long combinations, double meanAbsoluteError, double meanRelativeError,
      double preserved) {}

  /** @return whether no combination of the output is rare in the sensitive data */
  public boolean passesHardCheck() {
    return rareCombinations == 0;
  }

  /**
   * The evaluation as JSON: counts and rates only, never a combination.
   *
   * @return the JSON object, deterministic
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"reportingLength\" : ").append(reportingLength).append(",\n");
    sb.append("  \"resolution\" : ").append(resolution).append(",\n");
    sb.append("  \"sensitiveRecords\" : ").append(sensitiveRecords).append(",\n");
    sb.append("  \"syntheticRecords\" : ").append(syntheticRecords).append(",\n");
    sb.append("  \"rareCombinations\" : ").append(rareCombinations).append(",\n");
    sb.append("  \"passesHardCheck\" : ").append(passesHardCheck()).append(",\n");
    sb.append("  \"byLength\" : [");
    for (int i = 0; i < byLength.size(); i++) {
      ByLength b = byLength.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
          "    { \"length\" : %d, \"sensitiveCombinations\" : %d, \"syntheticCombinations\" : %d, \"fabricated\" : %d,"
              + " \"suppressed\" : %d, \"rare\" : %d, \"meanAbsoluteError\" : %s, \"meanRelativeError\" : %s,"
              + " \"preserved\" : %s }",
          b.length(), b.sensitiveCombinations(), b.syntheticCombinations(), b.fabricated(), b.suppressed(), b.rare(),
          num(b.meanAbsoluteError()), num(b.meanRelativeError()), num(b.preserved())));
    }
    sb.append("\n  ],\n  \"byBucket\" : [");
    for (int i = 0; i < byBucket.size(); i++) {
      ByBucket b = byBucket.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
          "    { \"from\" : %d, \"to\" : %d, \"combinations\" : %d, \"meanAbsoluteError\" : %s,"
              + " \"meanRelativeError\" : %s, \"preserved\" : %s }",
          b.from(), b.to(), b.combinations(), num(b.meanAbsoluteError()), num(b.meanRelativeError()),
          num(b.preserved())));
    }
    return sb.append("\n  ]\n}").toString();
  }

  private static String num(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }
}
