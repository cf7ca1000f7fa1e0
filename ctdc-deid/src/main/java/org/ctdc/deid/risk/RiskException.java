package org.ctdc.deid.risk;

import org.ctdc.deid.DeidException;

/**
 * Risk measures or local suppression cannot run on the given input: a quasi-identifier of a kind that has
 * no codes (free text), a weight column that is not a count, a k larger than the number of rows. Messages
 * name the variable and the rule, never a value. Instances are immutable and thread-safe.
 */
public final class RiskException extends DeidException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong, naming the variable and the rule
   */
  public RiskException(String message) {
    super(message);
  }
}
