package org.ctdc.link;

import java.util.Objects;
import org.ctdc.schema.Cancellation;
import org.ctdc.schema.OperationBuilder;
import org.ctdc.schema.ProgressListener;

/**
 * The settings the linkage operations' builders share: threads, progress, cancellation. Not thread-safe.
 *
 * @param <B> the builder's own type
 */
abstract class Settings<B extends Settings<B>> implements OperationBuilder<B> {
  int threads = 1;
  ProgressListener progress = ProgressListener.none();
  Cancellation cancellation = Cancellation.none();

  abstract B self();

  /**
   * Sets the number of threads; the result does not depend on it.
   *
   * @param n 1 to 256
   * @return this builder
   * @throws IllegalArgumentException if out of range
   */
  public B threads(int n) {
    if (n < 1 || n > 256) {
      throw new IllegalArgumentException("threads must lie in [1, 256], is " + n);
    }
    threads = n;
    return self();
  }

  @Override
  public B progress(ProgressListener listener) {
    progress = Objects.requireNonNull(listener, "listener");
    return self();
  }

  @Override
  public B cancellation(Cancellation signal) {
    cancellation = Objects.requireNonNull(signal, "signal");
    return self();
  }
}
