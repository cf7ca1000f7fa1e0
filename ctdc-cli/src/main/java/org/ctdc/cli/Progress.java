package org.ctdc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ctdc.schema.ProgressListener;

/**
 * Progress of a long command on standard error: a progress bar over the command's steps, drawn only when
 * standard error itself is a terminal ({@link #drawsOn}) and the run is not quiet; otherwise every call does
 * nothing, so that standard error redirected to a log or a pipe, and tests, never see carriage-return frames.
 * The step names are fixed words of the command, never data.
 *
 * <p>Java 17 cannot ask whether standard error is a terminal ({@code System.console()} only says that standard
 * input and output are). On Linux the link {@code /proc/self/fd/2} names what standard error is: a terminal is
 * {@code /dev/pts/N}, {@code /dev/ttyX} or {@code /dev/console}; a file, a pipe or a socket is not. Where the
 * link cannot be read (another system), no bar is drawn. The environment variable {@value #ENV} overrides the
 * decision: {@code always} draws the bar wherever standard error goes, {@code never} never draws it, and
 * {@code auto} (or unset, or any other value) decides from standard error.
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
    if (quiet || !drawsOn(System.getenv(ENV), STANDARD_ERROR)) {
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

  /** The environment variable that overrides whether the bar is drawn: {@code always}, {@code never}, {@code auto}. */
  static final String ENV = "CTDC_PROGRESS";

  /** What standard error of this process is, on Linux: a link to its file, terminal, pipe or socket. */
  static final Path STANDARD_ERROR = Path.of("/proc/self/fd/2");

  /**
   * Whether a progress bar is drawn on standard error.
   *
   * @param setting the value of {@value #ENV}, or null when unset
   * @param standardError the link naming what standard error is (such as {@code /proc/self/fd/2})
   * @return true for {@code always}; false for {@code never}; otherwise whether the link names a terminal
   *     ({@code /dev/pts/N}, {@code /dev/ttyX}, {@code /dev/console}), false when it cannot be read
   */
  static boolean drawsOn(String setting, Path standardError) {
    String s = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
    if (s.equals("always")) {
      return true;
    }
    if (s.equals("never")) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(standardError).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // not Linux, or not allowed to look: unknown, so no bar
      return false;
    }
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
