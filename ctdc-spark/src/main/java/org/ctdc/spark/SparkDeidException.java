package org.ctdc.spark;

import org.ctdc.deid.DeidException;
import org.jspecify.annotations.Nullable;

/**
 * A de-identification on Spark that cannot go on: the input does not fit the schema or the configuration,
 * the configuration asks for what the cluster path does not do, or the release failed its verification
 * (then nothing is released). The message names variables and rules, never a record value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class SparkDeidException extends DeidException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message a one-line message naming variable and rule, never a value
   */
  public SparkDeidException(String message) {
    super(message);
  }

  /**
   * @param message a one-line message naming variable and rule, never a value
   * @param cause the failure underneath
   */
  public SparkDeidException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
