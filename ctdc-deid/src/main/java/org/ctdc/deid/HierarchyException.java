package org.ctdc.deid;

import org.ctdc.schema.internal.Shown;
import org.jspecify.annotations.Nullable;

/**
 * A generalisation hierarchy breaks a rule: rows of unequal length, a value with two parents on one level,
 * a top level with more than one value, a value of the data the hierarchy does not cover, a hierarchy file
 * over a reading limit. The message names the file (when read from one), the hierarchy, the row and the
 * level, never a label or a value: a hierarchy file named by mistake may be a data file.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HierarchyException extends DeidException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param hierarchy the hierarchy's name
   * @param rule what is wrong, naming the row and the level, never a value
   */
  public HierarchyException(String hierarchy, String rule) {
    super("hierarchy '" + Shown.name(hierarchy) + "': " + rule);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param hierarchy the hierarchy's name
   * @param rule what is wrong
   * @param cause the underlying failure
   */
  public HierarchyException(String hierarchy, String rule, @Nullable Throwable cause) {
    super("hierarchy '" + Shown.name(hierarchy) + "': " + rule, cause);
  }

  /**
   * The same failure, located in a file.
   *
   * @param file the file the hierarchy was read from
   * @param e the failure
   */
  HierarchyException(java.nio.file.Path file, HierarchyException e) {
    super(Shown.file(file) + ": " + e.getMessage(), e);
  }
}
