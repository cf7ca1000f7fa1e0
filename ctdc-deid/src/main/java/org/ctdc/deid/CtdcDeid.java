package org.ctdc.deid;

/**
 * Facts about the ctdc-deid module.
 *
 * <p>This class is thread-safe: it has no state.
 */
public final class CtdcDeid {
  private CtdcDeid() {}

  /**
   * The module's name, as it appears in reports.
   *
   * @return {@code ctdc-deid}
   */
  public static String moduleName() {
    return "ctdc-deid";
  }
}
