package org.ctdc.deid;

/**
 * Whether and how a de-identification run blanks single quasi-identifier cells (local suppression, see
 * {@link org.ctdc.deid.transform.LocalSuppression}) instead of removing whole records.
 *
 * <p>With local suppression the release keeps every record; k-anonymity then holds under sdcMicro's
 * wildcard rule (a missing cell matches any value), which the verification specification of the result
 * states. Only k-anonymity can be reached this way: sensitive models (l-diversity, t-closeness) need
 * {@link #NONE}.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum LocalSuppressionMode {
  /** No local suppression: optimal generalisation, records of too-small classes are removed. */
  NONE,
  /**
   * Local suppression alone: every quasi-identifier stays at level 0 (no generalisation, the hierarchies
   * only fix the value sets) and cells are blanked until every record has k compatible records. The
   * record-suppression limit does not apply; no record is removed.
   */
  ALONE,
  /**
   * Generalisation, then local suppression: the search finds the optimal node with the record-suppression
   * limit as usual, but the records it would remove are kept and cells of theirs are blanked until every
   * record has k compatible records. Only records the search would remove are touched, so at most
   * ⌊limit × n⌋ records have a blanked cell.
   */
  AFTER_GENERALISATION
}
