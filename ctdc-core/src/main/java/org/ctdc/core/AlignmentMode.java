package org.ctdc.core;

/**
 * How the {@link Aligner} treats a row it cannot align. Either way, rows read = rows aligned + rows
 * rejected.
 *
 * <p>This enum is immutable and thread-safe.
 */
public enum AlignmentMode {
  /** Reject the row, record why in the report, and continue with the next row. */
  LENIENT,
  /** Reject the row and stop reading: the report is marked as stopped early. */
  STRICT
}
