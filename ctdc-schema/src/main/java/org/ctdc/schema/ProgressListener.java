package org.ctdc.schema;

/**
 * Receives progress reports from a long operation: the alignment of a large file, the search over a
 * generalisation lattice, local suppression, secondary suppression of a table. An embedding system uses it
 * to show progress; the command line's progress bar is one such listener.
 *
 * <p>Each report names the operation's current stage with a fixed word of the library (such as
 * {@code "aligning"} or {@code "searching"}), never a record value, and counts units done out of a total
 * when the total is known ({@code total < 0} when it is not, as when streaming a file). Reports of one stage
 * come in non-decreasing order of {@code done}. Operations report at a coarse interval (thousands of rows,
 * lattice nodes or cells), so a listener may do modest work, but it must not throw: an exception thrown by a
 * listener propagates and aborts the operation.
 *
 * <p>The library calls a listener from the thread that runs the operation. An implementation shared by
 * operations on several threads must itself be thread-safe; {@link #none()} is.
 */
@FunctionalInterface
public interface ProgressListener {

  /**
   * Reports progress.
   *
   * @param stage a fixed word naming the stage, never data
   * @param done units done in this stage, at least 0
   * @param total units in this stage, or a negative number when unknown
   */
  void onProgress(String stage, long done, long total);

  /**
   * A listener that ignores every report.
   *
   * @return the listener that does nothing; thread-safe
   */
  static ProgressListener none() {
    return NoProgress.INSTANCE;
  }
}

/** The listener that ignores every report. */
enum NoProgress implements ProgressListener {
  INSTANCE;

  @Override
  public void onProgress(String stage, long done, long total) {
    // nothing to do
  }
}
