package org.ctdc.deid;

/**
 * A generalisation hierarchy breaks a rule: rows of unequal length, a value with two parents on one level,
 * a top level with more than one value, a value of the data the hierarchy does not cover. The message names
 * the hierarchy, the value (a code of a closed value set or a hierarchy label) and the level.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HierarchyException extends DeidException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param hierarchy the hierarchy's name
   * @param rule what is wrong, naming the value and the level
   */
  public HierarchyException(String hierarchy, String rule) {
    super("hierarchy '" + hierarchy + "': " + rule);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param hierarchy the hierarchy's name
   * @param rule what is wrong
   * @param cause the underlying failure
   */
  public HierarchyException(String hierarchy, String rule, Throwable cause) {
    super("hierarchy '" + hierarchy + "': " + rule, cause);
  }

  /**
   * The same failure, located in a file.
   *
   * @param file the file the hierarchy was read from
   * @param e the failure
   */
  HierarchyException(java.nio.file.Path file, HierarchyException e) {
    super(file + ": " + e.getMessage(), e);
  }
}
