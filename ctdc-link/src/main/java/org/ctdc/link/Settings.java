package org.ctdc.link;

import org.ctdc.schema.AbstractOperationBuilder;

/**
 * The settings the linkage operations' builders share: threads, and progress and cancellation from {@link
 * AbstractOperationBuilder}. Not thread-safe.
 *
 * @param <B> the builder's own type
 */
abstract class Settings<B extends Settings<B>> extends AbstractOperationBuilder<B> {
  int threads = 1;

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
}
