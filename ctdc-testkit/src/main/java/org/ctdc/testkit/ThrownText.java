package org.ctdc.testkit;

import java.util.Collection;
import java.util.Optional;

/**
 * Everything a failure shows a user or a log: for the canary tests, which search it for record values. This
 * class is thread-safe (stateless).
 */
public final class ThrownText {
  private ThrownText() {}

  /**
   * Runs an action; if it throws, adds to {@code into} the message, the string form and every stack frame of
   * the exception and of each of its causes.
   *
   * @param into where the texts go
   * @param action the action
   * @return the exception thrown, or empty if the action returned normally
   */
  public static Optional<RuntimeException> recordIfThrown(Collection<String> into, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        into.add(String.valueOf(t.getMessage()));
        into.add(t.toString());
        for (StackTraceElement s : t.getStackTrace()) {
          into.add(s.toString());
        }
      }
      return Optional.of(e);
    }
    return Optional.empty();
  }

  /**
   * Like {@link #recordIfThrown}, for an action that must fail.
   *
   * @param into where the texts go
   * @param action the action
   * @return the exception thrown
   * @throws AssertionError if the action returned normally
   */
  public static RuntimeException recordThrown(Collection<String> into, Runnable action) {
    return recordIfThrown(into, action).orElseThrow(() -> new AssertionError("expected a failure"));
  }
}
