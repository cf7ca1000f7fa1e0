package org.ctdc.core;

import org.ctdc.schema.CtdcException;

/**
 * An alignment spec (a file, a bundled spec or one built in code) breaks a rule: an unknown target
 * variable, a mapping onto a code outside the target's value set, a cycle among derived variables, an
 * unknown normaliser, a rule reading an identifier column. The message names the source, the path inside
 * it and the rule, never a record value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class AlignmentSpecException extends CtdcException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param source the file or resource name, or {@code <builder>}
   * @param path the path inside the source, such as {@code rules[3].map}
   * @param rule the rule that was broken
   */
  public AlignmentSpecException(String source, String path, String rule) {
    super(source + ": " + (path.isEmpty() ? "" : path + ": ") + rule);
    this.source = source;
    this.path = path;
    this.rule = rule;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param source the file or resource name
   * @param path the path inside the source
   * @param rule the rule that was broken
   * @param cause the underlying failure
   */
  public AlignmentSpecException(String source, String path, String rule, Throwable cause) {
    super(source + ": " + (path.isEmpty() ? "" : path + ": ") + rule, cause);
    this.source = source;
    this.path = path;
    this.rule = rule;
  }

  /** @return the file or resource name */
  public String source() {
    return source;
  }

  /** @return the path inside the source */
  public String path() {
    return path;
  }

  /** @return the rule that was broken */
  public String rule() {
    return rule;
  }
}
