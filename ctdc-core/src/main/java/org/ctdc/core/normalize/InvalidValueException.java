package org.ctdc.core.normalize;

import org.ctdc.schema.CtdcException;

/**
 * Thrown by a normaliser when its input breaks the normaliser's rule (a negative age, a string that is not
 * an age band, an invalid list of period bands). The message names the normaliser and the rule, never the
 * offending value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class InvalidValueException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message the normaliser and rule that was broken, without the value
   */
  public InvalidValueException(String message) {
    super(message);
  }
}
