package org.ctdc.deid.risk;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link RiskMeasures}: the class-size threshold below which records count as being in small
 * classes, the prosecutor-risk threshold, an optional sampling-weight column, and how missing
 * quasi-identifier values count. Start from {@link #defaults()} and change with the {@code with} methods.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param smallClassThreshold records whose fk is below this count are "in small classes" (CTDC: 11)
 * @param riskThreshold records whose prosecutor risk 1/fk exceeds this share are "above the threshold"
 * @param weightColumn the name of a count variable holding each record's sampling weight, or the empty
 *     string for none
 * @param missingAsWildcard false: missing is a value of its own (ARX); true: missing matches any value
 *     (sdcMicro)
 */
public record RiskOptions(
    int smallClassThreshold, double riskThreshold, String weightColumn,
    boolean missingAsWildcard) {

  /** Validates. */
  public RiskOptions {
    Objects.requireNonNull(weightColumn, "weightColumn");
    if (smallClassThreshold < 1) {
      throw new IllegalArgumentException("smallClassThreshold must be at least 1, was " + smallClassThreshold);
    }
    if (!(riskThreshold >= 0 && riskThreshold <= 1)) {
      throw new IllegalArgumentException("riskThreshold must be in [0, 1], was " + riskThreshold);
    }
  }

  /** @return threshold 11 (CTDC's k), risk threshold 0.1, no weights, missing as its own value */
  public static RiskOptions defaults() {
    return new RiskOptions(11, 0.1, "", false);
  }

  /**
   * @param threshold the small-class threshold
   * @return a copy with it
   */
  public RiskOptions withSmallClassThreshold(int threshold) {
    return new RiskOptions(threshold, riskThreshold, weightColumn, missingAsWildcard);
  }

  /**
   * @param threshold the prosecutor-risk threshold
   * @return a copy with it
   */
  public RiskOptions withRiskThreshold(double threshold) {
    return new RiskOptions(smallClassThreshold, threshold, weightColumn, missingAsWildcard);
  }

  /**
   * @param column the weight column's name
   * @return a copy with it
   */
  public RiskOptions withWeightColumn(String column) {
    return new RiskOptions(smallClassThreshold, riskThreshold, Objects.requireNonNull(column), missingAsWildcard);
  }

  /**
   * @param wildcard whether missing matches any value
   * @return a copy with it
   */
  public RiskOptions withMissingAsWildcard(boolean wildcard) {
    return new RiskOptions(smallClassThreshold, riskThreshold, weightColumn, wildcard);
  }

  /** @return the weight column, if any */
  public Optional<String> weights() {
    return weightColumn.isEmpty() ? Optional.empty() : Optional.of(weightColumn);
  }
}
