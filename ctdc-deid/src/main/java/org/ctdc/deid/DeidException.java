package org.ctdc.deid;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A de-identification failure: an invalid configuration, a hierarchy that does not fit the data, a
 * privacy model that no node of the lattice satisfies. Messages name the file, variable, level and rule,
 * and never carry record values other than codes of closed value sets.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class DeidException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the place and the rule
   */
  public DeidException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public DeidException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
