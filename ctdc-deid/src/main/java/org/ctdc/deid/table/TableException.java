package org.ctdc.deid.table;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A table cannot be defined, tabulated, protected or written: an invalid definition or configuration, a
 * primary cell that no allowed suppression pattern can protect, or a release that fails its audit. The
 * message names the file, table, dimension, cell (by its category codes) and rule; never a count of a
 * suppressed cell.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TableException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the table, cell and rule
   */
  public TableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the table, cell and rule
   * @param cause the underlying failure
   */
  public TableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
