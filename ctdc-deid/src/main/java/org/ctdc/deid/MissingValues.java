package org.ctdc.deid;

/**
 * How a missing value of a quasi-identifier counts when records are grouped.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum MissingValues {
  /**
   * ARX's reading, the default: a missing value (per missing reason) is a value of its own; it stays
   * missing on every level below the top and becomes the top label on the top level.
   */
  OWN_VALUE,
  /**
   * sdcMicro's reading: a missing value matches any value when counting the records a record can be
   * confused with. The search runs with {@link #OWN_VALUE} (whose classes are never larger than the
   * wildcard counts, so its result is also safe under this rule) and the result is then checked under the
   * wildcard rule; the report gives the smallest wildcard count.
   */
  WILDCARD
}
