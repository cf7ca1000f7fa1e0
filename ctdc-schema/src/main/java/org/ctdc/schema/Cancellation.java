package org.ctdc.schema;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cancellation signal for long operations. An embedding system creates one with {@link #create()}, passes it
 * to an operation (an aligner, a de-identification run, a table protection) and calls {@link #cancel()} from
 * any thread to ask the operation to stop. The operation checks the signal at a coarse interval and then stops
 * cleanly by throwing {@link OperationCancelledException}; it writes no partial output and leaves its inputs
 * unchanged. Cancellation cannot be undone.
 *
 * <p><b>Commit.</b> An operation that ends by putting several outputs in place takes one decision first,
 * {@link #commit()}: it succeeds only while the signal has not been raised, and from then on the signal can no
 * longer be raised ({@link #cancel()} does nothing), so the outputs are all put in place. A signal raised
 * before the decision makes it fail, and the operation removes what it staged. Either all outputs or none.
 *
 * <p>{@link #none()} is a signal that is never raised, the default of every operation.
 *
 * <p>This class is thread-safe.
 */
public final class Cancellation {
  private static final Cancellation NONE = new Cancellation(false);

  private final boolean cancellable;
  private static final int OPEN = 0;
  private static final int CANCELLED = 1;
  private static final int COMMITTED = 2;

  private final AtomicInteger state = new AtomicInteger(OPEN);

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
   * Raises the signal. Operations watching it stop at their next check. Calling it again does nothing; after
   * {@link #commit()} it does nothing either.
   *
   * @return true if the signal is raised now or was before, false if the operation has committed
   * @throws UnsupportedOperationException on {@link #none()}, which cannot be cancelled
   */
  public boolean cancel() {
    if (!cancellable) {
      throw new UnsupportedOperationException("Cancellation.none() cannot be cancelled; use Cancellation.create()");
    }
    state.compareAndSet(OPEN, CANCELLED);
    return state.get() == CANCELLED;
  }

  /**
   * Takes the decision to commit: succeeds if the signal has not been raised, after which it can no longer be
   * raised. Always succeeds on {@link #none()}.
   *
   * @return true if the operation may (and must) now put all its outputs in place; false if the signal was
   *     raised first, and the operation must remove what it staged and stop
   */
  public boolean commit() {
    if (!cancellable) {
      return true;
    }
    state.compareAndSet(OPEN, COMMITTED);
    return state.get() == COMMITTED;
  }

  /**
   * Tells whether {@link #commit()} has succeeded.
   *
   * @return true after a successful commit
   */
  public boolean isCommitted() {
    return state.get() == COMMITTED;
  }

  /**
   * Tells whether the signal has been raised.
   *
   * @return true after {@link #cancel()}
   */
  public boolean isCancelled() {
    return state.get() == CANCELLED;
  }

  /**
   * Throws when the signal has been raised; operations call it at their checkpoints.
   *
   * @param operation a fixed word naming the operation and stage, such as {@code "alignment"}; never data
   * @throws OperationCancelledException when the signal has been raised
   */
  public void throwIfCancelled(String operation) {
    if (state.get() == CANCELLED) {
      throw new OperationCancelledException(operation);
    }
  }

  @Override
  public String toString() {
    return cancellable ? "Cancellation[cancelled=" + isCancelled() + ", committed=" + isCommitted() + "]" : "Cancellation.none()";
  }
}
