package org.ctdc.deid.table;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A perturbation table file cannot be read or is not a valid probability table. The message names the file,
 * the row and the column, and the rule broken.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PerturbationTableException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the file, row, column and rule
   */
  public PerturbationTableException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the file, row, column and rule
   * @param cause the underlying failure
   */
  public PerturbationTableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
