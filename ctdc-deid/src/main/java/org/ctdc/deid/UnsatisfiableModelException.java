package org.ctdc.deid;

/**
 * No node of the generalisation lattice (within the configured level bounds) satisfies the privacy models
 * within the record-suppression limit.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class UnsatisfiableModelException extends DeidException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which models and limit could not be met
   */
  public UnsatisfiableModelException(String message) {
    super(message);
  }
}
