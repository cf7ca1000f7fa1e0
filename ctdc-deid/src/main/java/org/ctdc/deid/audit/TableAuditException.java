package org.ctdc.deid.audit;

import org.ctdc.schema.CtdcException;

/**
 * The audit cannot be carried out: the published tables contradict each other or themselves (a margin that
 * is not the sum of its cells, no non-negative completion), linked tables disagree on a dimension, the
 * model exceeds the configured size, or the solver fails. The message names the tables, cells (by their
 * codes) and rule, never a cell value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TableAuditException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the table, cell codes and rule
   */
  public TableAuditException(String message) {
    super(message);
  }
}
