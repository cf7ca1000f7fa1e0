package org.ctdc.synth;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A failure of synthesis: an invalid configuration file, a column the data cannot supply, aggregates that do
 * not fit. Messages name the file, the key or column and the rule, never a record value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class SynthException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the place and the rule
   */
  public SynthException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, naming the place and the rule
   * @param cause the underlying failure
   */
  public SynthException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
