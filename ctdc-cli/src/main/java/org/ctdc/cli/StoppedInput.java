package org.ctdc.cli;

import java.nio.file.Path;
import java.util.List;
import org.ctdc.schema.CtdcException;
import org.ctdc.schema.InputStoppedException;

/**
 * How a command ends when a reader stopped part-way through its input ({@link InputStoppedException},
 * issue 14): one line on standard error saying where it stopped, how many rows were read before and that
 * the rest was not read, the outputs not written, and exit code {@value #EXIT}, never the code that means
 * "rows rejected" or "file invalid" (1). Every file command maps the failure the same way
 * ({@link FileCommand#failed}, then {@link Main}). Stateless, thread-safe.
 */
final class StoppedInput {

  /** The exit code of a run whose input could not be read to its end; nothing was written. */
  static final int EXIT = Main.NOT_READ;

  private StoppedInput() {}

  /**
   * The error of a failed command, naming the files it did not write ({@link Outputs#notWritten}); a reader that
   * stopped with no file promised says {@code "; nothing was written"}. {@link Main} prints it on one line and
   * exits {@value #EXIT} for a stopped reader, whatever the wrapping.
   *
   * @param notWritten the outputs the command did not write (may be empty)
   * @param e the failure
   * @return the error to throw
   */
  static RuntimeException named(List<Path> notWritten, RuntimeException e) {
    if (e instanceof InputStoppedException && notWritten.isEmpty()) {
      return new CtdcException(e.getMessage() + "; nothing was written", e);
    }
    return Outputs.notWritten(notWritten, e);
  }
}
