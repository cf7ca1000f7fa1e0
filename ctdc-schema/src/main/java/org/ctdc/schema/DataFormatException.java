package org.ctdc.schema;

import org.jspecify.annotations.Nullable;

/**
 * A data file cannot be read at all under its schema and release format (unreadable file, a header that
 * does not match the schema, a malformed CSV line). Cell-level problems are not thrown: they are collected
 * in a {@link ValidationReport}. The message names the file, the row and the column where known, and
 * never a record value. A reader that stopped part-way through a file throws the subclass
 * {@link InputStoppedException}, which also says how far it got.
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed class DataFormatException extends CtdcException permits InputStoppedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message names the file, row, column and rule
   */
  public DataFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message names the file, row, column and rule
   * @param cause the underlying failure
   */
  public DataFormatException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
