package org.ctdc.schema;

import org.jspecify.annotations.Nullable;

/**
 * A schema (a file, a resource, or a schema built in code) breaks a rule of the schema model: an unknown
 * kind, a duplicate variable, an alias colliding with another code, an empty value set, a derivation that
 * refers to an unknown variable. The message names the source, the path inside it and the rule.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SchemaFormatException extends LocatedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param source the file or resource name, or {@code "<builder>"}
   * @param path the path inside the source
   * @param rule a short statement of the rule that was broken
   */
  public SchemaFormatException(String source, String path, String rule) {
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
  public SchemaFormatException(String source, String path, String rule, @Nullable Throwable cause) {
    super(source, path, rule, cause);
  }
}
