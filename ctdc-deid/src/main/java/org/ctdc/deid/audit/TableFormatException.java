package org.ctdc.deid.audit;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A published table or its definition cannot be read or is invalid (unknown code, missing column, a
 * hierarchy that is not a tree, a value on a suppressed row). The message names the file, row, column and
 * rule where known, and never a cell value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TableFormatException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the file, row, column and rule
   */
  public TableFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the file, row, column and rule
   * @param cause the underlying failure
   */
  public TableFormatException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
