package org.ctdc.schema;

/**
 * A schema (a file, a resource, or a schema built in code) breaks a rule of the schema model: an unknown
 * kind, a duplicate variable, an alias colliding with another code, an empty value set, a derivation that
 * refers to an unknown variable. The message names the source, the path inside it and the rule.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SchemaFormatException extends CtdcException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param source the file or resource name, or {@code "<builder>"} for schemas built in code
   * @param path the path inside the source, such as {@code variables[3].values[2].code}
   * @param rule a short statement of the rule that was broken
   */
  public SchemaFormatException(String source, String path, String rule) {
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
   * @param rule a short statement of the rule that was broken
   * @param cause the underlying failure (for example a parser error)
   */
  public SchemaFormatException(String source, String path, String rule, Throwable cause) {
    super(source + ": " + (path.isEmpty() ? "" : path + ": ") + rule, cause);
    this.source = source;
    this.path = path;
    this.rule = rule;
  }

  /** @return the file or resource name */
  public String source() {
    return source;
  }

  /** @return the path inside the source, empty when the whole source is concerned */
  public String path() {
    return path;
  }

  /** @return the rule that was broken */
  public String rule() {
    return rule;
  }
}
