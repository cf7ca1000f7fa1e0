package org.ctdc.core;

/**
 * Facts about the ctdc-core module.
 *
 * <p>This class is thread-safe: it has no state.
 */
public final class CtdcCore {
  private CtdcCore() {}

  /**
   * The module's name, as it appears in reports.
   *
   * @return {@code ctdc-core}
   */
  public static String moduleName() {
    return "ctdc-core";
  }
}
