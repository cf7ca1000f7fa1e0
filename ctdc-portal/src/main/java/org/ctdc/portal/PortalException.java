package org.ctdc.portal;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A failure of publishing: a release folder that holds nothing publishable or a confidential file, a release
 * file that breaks its schema or its format, a site folder that cannot be written. Messages name the file, the
 * key or row and the rule, never a record value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class PortalException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the place and the rule
   */
  public PortalException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, naming the place and the rule
   * @param cause the underlying failure
   */
  public PortalException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
