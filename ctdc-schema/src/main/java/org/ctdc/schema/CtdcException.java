package org.ctdc.schema;

/**
 * The root of every exception the ctdc library throws for its own failures (invalid input, invalid
 * configuration, unsatisfiable privacy models). Catching this type catches them all.
 *
 * <p>Messages name the file, row, column and rule involved where there is one, and never carry record
 * values other than codes of closed value sets.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class CtdcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the place and the rule
   */
  public CtdcException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, naming the place and the rule
   * @param cause the underlying failure, or null
   */
  public CtdcException(String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
  }

  /**
   * The message, never null: every constructor takes a non-null one.
   *
   * @return what went wrong, naming the place and the rule
   */
  @Override
  // Throwable declares its message nullable; the constructors of this class take a non-null one, which is
  // what the inherited method returns
  @SuppressWarnings("NullAway")
  public String getMessage() {
    return super.getMessage();
  }
}
