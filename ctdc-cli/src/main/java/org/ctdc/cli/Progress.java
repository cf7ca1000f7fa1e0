package org.ctdc.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on standard error: a progress bar over the command's steps, drawn only when
 * standard error is a terminal ({@code System.console() != null}) and the run is not quiet; otherwise every
 * call does nothing, so that redirected output and tests never see control characters. The step names are
 * fixed words of the command, never data. Not thread-safe.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

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
    if (bar != null) {
      bar.setExtraMessage(step);
    }
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
