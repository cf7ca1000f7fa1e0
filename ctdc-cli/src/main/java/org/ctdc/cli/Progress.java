package org.ctdc.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ctdc.schema.ProgressListener;

/**
 * Progress of a long command on standard error: a progress bar over the command's steps, drawn only when
 * standard error is a terminal ({@code System.console() != null}) and the run is not quiet; otherwise every
 * call does nothing, so that redirected output and tests never see control characters. The step names are
 * fixed words of the command, never data.
 *
 * <p>It is also the {@link ProgressListener} of the library's long operations: their reports show as a
 * sub-step message after the step, such as {@code de-identifying: searching 1200/4096}. The library calls it
 * on the thread that runs the command. Not thread-safe.
 */
final class Progress implements AutoCloseable, ProgressListener {
  private final ProgressBar bar;
  private String step = "";

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /**
   * Starts a progress bar of {@code steps} steps, or a silent one.
   *
   * @param task the task's name
   * @param steps the number of steps
   * @param quiet whether the user asked for quiet output
   * @return the progress
   */
  static Progress start(String task, int steps, boolean quiet) {
    if (quiet || System.console() == null) {
      return new Progress(null);
    }
    ProgressBar bar = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(steps)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(200)
        .hideEta()
        .build();
    return new Progress(bar);
  }

  /** @return whether a bar is drawn */
  boolean isShown() {
    return bar != null;
  }

  /**
   * Names the step that starts now.
   *
   * @param step a fixed word such as {@code aligning}
   */
  void step(String step) {
    this.step = step;
    if (bar != null) {
      bar.setExtraMessage(step);
    }
  }

  /**
   * Shows a library operation's report after the current step; does nothing when no bar is drawn.
   *
   * @param stage the operation's stage, a fixed word of the library
   * @param done units done
   * @param total units in the stage, negative when unknown
   */
  @Override
  public void onProgress(String stage, long done, long total) {
    if (bar != null) {
      bar.setExtraMessage(message(step, stage, done, total));
    }
  }

  /**
   * The sub-step message.
   *
   * @param step the command's step, or empty
   * @param stage the library's stage
   * @param done units done
   * @param total units in the stage, negative when unknown
   * @return such as {@code de-identifying: searching 1200/4096}, or {@code aligning: reading 5000} when the
   *     total is unknown
   */
  static String message(String step, String stage, long done, long total) {
    String count = total < 0 ? Long.toString(done) : done + "/" + total;
    return (step.isEmpty() ? "" : step + ": ") + stage + " " + count;
  }

  /** Marks a step done. */
  void done() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
