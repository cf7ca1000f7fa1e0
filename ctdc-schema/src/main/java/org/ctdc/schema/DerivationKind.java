package org.ctdc.schema;

/**
 * How a derived variable is computed from its source variables.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum DerivationKind {
  /**
   * The labels of the source flags that are set, sorted and joined with the variable's separator, as in
   * CTDC's {@code *Concatenated} columns. Missing when every source flag is missing.
   */
  JOINED_LABELS,
  /** {@code Adult} or {@code Minor} from one ordered age-band source ({@code Adult} from 18). */
  MAJORITY_FROM_AGE_BAND,
  /** A flag set when any of the source flags is set (the merged means of control of CTDC v2024). */
  ANY_OF,
  /**
   * A flag set when every source flag is set: 1 when all are 1, 0 when any is 0, otherwise missing (such
   * as CTDC's {@code isSexAndLabour} from {@code isSexualExploit} and {@code isForcedLabour}).
   */
  ALL_OF
}
