package org.ctdc.deid.verify;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A verification could not be carried out: the specification is malformed (a hierarchy without a single
 * top value, a value with two parents), or it names a variable the release does not have. A release that
 * merely fails the checks is not an exception but a {@link VerificationResult} with violations.
 *
 * <p>Messages name the hierarchy, row, level and rule, never a record value. Instances are immutable and
 * thread-safe.
 */
public final class VerificationException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the place and the rule
   */
  public VerificationException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what is wrong, naming the place and the rule
   * @param cause the underlying failure
   */
  public VerificationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
