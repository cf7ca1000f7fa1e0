package org.ctdc.schema;

/**
 * A schema was asked for by a name (and version) that no registry holds.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UnknownSchemaException extends CtdcException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the schema that was asked for and the ones that exist
   */
  public UnknownSchemaException(String message) {
    super(message);
  }
}
