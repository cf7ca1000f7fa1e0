package org.ctdc.schema;

import java.util.Objects;

/**
 * The base of every long-running operation's builder: it holds the two settings all operations share, the
 * {@link #progress(ProgressListener) progress listener} and the {@link #cancellation(Cancellation) cancellation
 * signal}, checks them when they are set and hands them to the operation it builds through {@link
 * #progressListener()} and {@link #cancellationSignal()}. The operation's own builder (a subclass) adds its
 * other settings; each operation's class documentation names its progress stages and how often it reports
 * and checks the signal.
 *
 * <p>Not thread-safe: a builder is meant to be set up and built by one thread. The settings are read when the
 * operation is built; setting them again afterwards does not change an operation already built.
 *
 * @param <B> the builder's own type, returned by each setter for chaining; a subclass {@code Builder} declares
 *     itself as {@code extends AbstractOperationBuilder<Builder>}
 */
public abstract class AbstractOperationBuilder<B extends AbstractOperationBuilder<B>>
    implements OperationBuilder<B> {

  private ProgressListener progress = ProgressListener.none();
  private Cancellation cancellation = Cancellation.none();

  /** For subclasses: a builder with {@link ProgressListener#none()} and {@link Cancellation#none()}. */
  protected AbstractOperationBuilder() {}

  @Override
  public final B progress(ProgressListener listener) {
    this.progress = Objects.requireNonNull(listener, "listener");
    return self();
  }

  @Override
  public final B cancellation(Cancellation signal) {
    this.cancellation = Objects.requireNonNull(signal, "signal");
    return self();
  }

  /**
   * The listener set so far, for the operation being built.
   *
   * @return the listener; {@link ProgressListener#none()} if none was set
   */
  public final ProgressListener progressListener() {
    return progress;
  }

  /**
   * The signal set so far, for the operation being built.
   *
   * @return the signal; {@link Cancellation#none()} if none was set
   */
  public final Cancellation cancellationSignal() {
    return cancellation;
  }

  @SuppressWarnings("unchecked") // B is this builder's own type by the class's contract
  private B self() {
    return (B) this;
  }
}
