package org.ctdc.schema;

/**
 * Thrown by a long operation that stopped because its {@link Cancellation} signal was raised. The operation
 * wrote no partial output. The message names the operation, never data.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OperationCancelledException extends CtdcException {
  private static final long serialVersionUID = 1L;

  private final String operation;

  /**
   * Creates the exception.
   *
   * @param operation a fixed word naming the operation that stopped, such as {@code "alignment"}
   */
  public OperationCancelledException(String operation) {
    super(operation + " cancelled");
    this.operation = operation;
  }

  /**
   * The operation that stopped.
   *
   * @return a fixed word of the library, such as {@code "alignment"}
   */
  public String operation() {
    return operation;
  }
}
