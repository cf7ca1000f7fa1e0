package org.ctdc.schema;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation signal for long operations. An embedding system creates one with {@link #create()}, passes it
 * to an operation (an aligner, a de-identification run, a table protection) and calls {@link #cancel()} from
 * any thread to ask the operation to stop. The operation checks the signal at a coarse interval and then stops
 * cleanly by throwing {@link OperationCancelledException}; it writes no partial output and leaves its inputs
 * unchanged. Cancellation cannot be undone.
 *
 * <p>{@link #none()} is a signal that is never raised, the default of every operation.
 *
 * <p>This class is thread-safe.
 */
public final class Cancellation {
  private static final Cancellation NONE = new Cancellation(false);

  private final boolean cancellable;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  private Cancellation(boolean cancellable) {
    this.cancellable = cancellable;
  }

  /**
   * Creates a signal that is not yet raised.
   *
   * @return a new signal
   */
  public static Cancellation create() {
    return new Cancellation(true);
  }

  /**
   * The signal that is never raised.
   *
   * @return the shared signal that cannot be cancelled
   */
  public static Cancellation none() {
    return NONE;
  }

  /**
   * Raises the signal. Operations watching it stop at their next check. Calling it again does nothing.
   *
   * @throws UnsupportedOperationException on {@link #none()}, which cannot be cancelled
   */
  public void cancel() {
    if (!cancellable) {
      throw new UnsupportedOperationException("Cancellation.none() cannot be cancelled; use Cancellation.create()");
    }
    cancelled.set(true);
  }

  /**
   * Tells whether the signal has been raised.
   *
   * @return true after {@link #cancel()}
   */
  public boolean isCancelled() {
    return cancelled.get();
  }

  /**
   * Throws when the signal has been raised; operations call it at their checkpoints.
   *
   * @param operation a fixed word naming the operation and stage, such as {@code "alignment"}; never data
   * @throws OperationCancelledException when the signal has been raised
   */
  public void throwIfCancelled(String operation) {
    if (cancelled.get()) {
      throw new OperationCancelledException(operation);
    }
  }

  @Override
  public String toString() {
    return cancellable ? "Cancellation[cancelled=" + cancelled.get() + "]" : "Cancellation.none()";
  }
}
