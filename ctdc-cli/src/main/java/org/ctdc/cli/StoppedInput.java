package org.ctdc.cli;

import java.nio.file.Path;
import java.util.List;
import org.ctdc.schema.InputStoppedException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a command ends when a reader stopped part-way through its input ({@link InputStoppedException},
 * issue 14): one line on standard error saying where it stopped, how many rows were read before and that
 * the rest was not read, the outputs not written, and exit code {@value #EXIT}, never the code that means
 * "rows rejected" or "file invalid" (1). Used by {@code align} and {@code validate}; {@code Main} could map
 * the exception for every command the same way. Stateless, thread-safe.
 */
final class StoppedInput {

  /** The exit code of a run whose input could not be read to its end; nothing was written. */
  static final int EXIT = Main.NOT_READ;

  private StoppedInput() {}

  /**
   * Prints the error and returns {@link #EXIT}.
   *
   * @param spec the command, whose error stream is written
   * @param debug whether to print the stack trace too
   * @param e the failure
   * @param notWritten the outputs the command did not write (may be empty)
   * @return {@link #EXIT}
   */
  static int exit(CommandSpec spec, boolean debug, InputStoppedException e, List<Path> notWritten) {
    var err = spec.commandLine().getErr();
    if (debug) {
      e.printStackTrace(err);
    }
    err.println("ctdc: " + e.getMessage() + "; "
        + (notWritten.isEmpty() ? "nothing was written"
            : "not written: " + String.join(", ", notWritten.stream().map(Path::toString).distinct().toList())));
    err.flush();
    return EXIT;
  }
}
