package org.ctdc.schema;

/**
 * A file, resource or configuration built in code breaks a rule at a known place: the base of the library's
 * format errors ({@link SchemaFormatException}, the alignment-spec errors of ctdc-core, ...). The message is
 * {@code SOURCE: PATH: RULE} and never carries a record value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public abstract class LocatedException extends CtdcException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String path;
  private final String rule;

  /**
   * Creates the exception.
   *
   * @param source the file or resource name, or {@code "<builder>"} for configurations built in code
   * @param path the path inside the source, empty when the whole source is concerned
   * @param rule a short statement of the rule that was broken
   * @param cause the underlying failure, or null
   */
  protected LocatedException(String source, String path, String rule, @org.jspecify.annotations.Nullable Throwable cause) {
    super(source + ": " + (path.isEmpty() ? "" : path + ": ") + rule, cause);
    this.source = source;
    this.path = path;
    this.rule = rule;
  }

  /** @return the file or resource name */
  public final String source() {
    return source;
  }

  /** @return the path inside the source, empty when the whole source is concerned */
  public final String path() {
    return path;
  }

  /** @return the rule that was broken */
  public final String rule() {
    return rule;
  }
}
