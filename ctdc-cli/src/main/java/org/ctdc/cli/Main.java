package org.ctdc.cli;

/** Entry point of the {@code ctdc} command line. Not thread-safe; run once per process. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(0);
  }
}
