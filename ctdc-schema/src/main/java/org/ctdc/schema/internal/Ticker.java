package org.ctdc.schema.internal;

import java.util.Objects;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.ProgressListener;

/**
 * The progress and cancellation checkpoints of one stage of a long operation: reports to a {@link
 * ProgressListener} at a coarse interval (about every hundredth of the total, or every {@value #UNKNOWN_STEP}
 * units when the total is unknown) and at the end, and checks a {@link Cancellation} at every checkpoint.
 * Reports of a stage are strictly increasing in {@code done}, from 0 at {@link #start(long)} to the total at
 * {@link #end()}. The listener and signal never influence what the operation computes.
 *
 * <p>Not thread-safe: one ticker per stage, used by the thread that runs it.
 */
public final class Ticker {
  /** The report interval when the total is unknown. */
  static final long UNKNOWN_STEP = 4096;

  private final ProgressListener listener;
  private final Cancellation cancellation;
  private final String stage;
  private final String operation;
  private long total = -1;
  private long step = UNKNOWN_STEP;
  private long last = -1;

  /**
   * Creates a ticker.
   *
   * @param stage the fixed word reported to the listener, such as {@code "searching"}
   * @param operation the fixed words naming the operation in {@link org.ctdc.schema.OperationCancelledException}
   * @param listener the listener
   * @param cancellation the signal
   */
  public Ticker(String stage, String operation, ProgressListener listener, Cancellation cancellation) {
    this.stage = Objects.requireNonNull(stage, "stage");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
  }

  /** @return a ticker that never reports and is never cancelled */
  public static Ticker none() {
    return new Ticker("none", "operation", ProgressListener.none(), Cancellation.none());
  }

  /**
   * Checks the signal without reporting.
   *
   * @throws org.ctdc.schema.OperationCancelledException when the signal has been raised
   */
  public void check() {
    cancellation.throwIfCancelled(operation);
  }

  /**
   * Starts the stage: checks the signal and reports 0 of the total.
   *
   * @param total the units of the stage, negative when unknown
   */
  public void start(long total) {
    check();
    this.total = total;
    this.step = total < 0 ? UNKNOWN_STEP : Math.max(1, (total + 99) / 100);
    report(0);
  }

  /**
   * A checkpoint: checks the signal, and reports when {@code done} has moved a step since the last report.
   *
   * @param done units done, non-decreasing over the calls
   */
  public void at(long done) {
    check();
    if (done >= last + step && (total < 0 || done < total)) {
      report(done);
    }
  }

  /** Ends the stage: checks the signal and reports the total (or the last count when the total is unknown). */
  public void end() {
    check();
    if (total >= 0 && last < total) {
      report(total);
    }
  }

  private void report(long done) {
    last = done;
    listener.onProgress(stage, done, total);
  }
}
