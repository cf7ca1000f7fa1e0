package org.ctdc.core;

import org.ctdc.schema.LocatedException;
import org.jspecify.annotations.Nullable;

/**
 * An alignment spec (a file, a bundled spec or one built in code) breaks a rule: an unknown target
 * variable, a mapping onto a code outside the target's value set, a cycle among derived variables, an
 * unknown normaliser, a rule reading an identifier column. The message names the source, the path inside
 * it and the rule, never a record value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AlignmentSpecException extends LocatedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param source the file or resource name, or {@code "<builder>"}
   * @param path the path inside the source
   * @param rule a short statement of the rule that was broken
   */
  public AlignmentSpecException(String source, String path, String rule) {
    super(source, path, rule, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param source the file or resource name
   * @param path the path inside the source
   * @param rule a short statement of the rule that was broken
   * @param cause the underlying failure
   */
  public AlignmentSpecException(String source, String path, String rule, @Nullable Throwable cause) {
    super(source, path, rule, cause);
  }
}
