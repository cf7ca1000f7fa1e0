package org.ctdc.probe;

/** Returns null from a method whose result is not nullable: NullAway must fail the compilation. Not used. */
final class Violation {
  private Violation() {}

  static String name(boolean known) {
    return known ? "known" : null;
  }
}
