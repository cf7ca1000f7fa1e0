package org.ctdc.link;

import org.ctdc.schema.CtdcException;
import org.jspecify.annotations.Nullable;

/**
 * A failure of record linkage's input: a configuration, a key file, a partner file or an encoding file that
 * breaks a rule. The message names the file, row or path and the rule, never a record value, a token or the
 * key.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class LinkException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, naming the place and the rule
   */
  public LinkException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong, naming the place and the rule
   * @param cause the underlying failure, or null
   */
  public LinkException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
