package org.ctdc.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ctdc.schema.ProgressListener;

/**
 * The stage times of one command run, for {@code --timings} (issue 19): wall time of each stage in the order
 * the stages ran, the JVM's start-up before the command (from the JVM's start to the command's first
 * statement), the process CPU time and the peak heap of the run. It names stages and numbers only, never a
 * record value. A disabled instance does nothing and never loads the management classes.
 *
 * <p>As a {@link ProgressListener} it wraps another listener and marks the first and the last report of a
 * stage (the search reports {@code searching} 0 at its start and the total at its end), so that an
 * operation's inner stages are timed without the operation knowing. Not thread-safe: one command's thread.
 */
final class StageTimings implements ProgressListener {
  private final boolean enabled;
  private final long startupMillis;
  private final long cpuAtStartNanos;
  private final List<String> names = new ArrayList<>();
  private final List<Long> nanos = new ArrayList<>();
  private long mark;
  private ProgressListener inner = ProgressListener.none();
  private String watched = "";
  private long watchedFirst = -1;
  private long watchedLast = -1;

  private StageTimings(boolean enabled) {
    this.enabled = enabled;
    this.mark = System.nanoTime();
    this.startupMillis = enabled ? ManagementFactory.getRuntimeMXBean().getUptime() : 0;
    this.cpuAtStartNanos = enabled ? processCpuNanos() : 0;
    if (enabled) {
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        p.resetPeakUsage();
      }
    }
  }

  /**
   * Starts timing at once.
   *
   * @param enabled whether to time (else every call does nothing)
   * @return the timings
   */
  static StageTimings start(boolean enabled) {
    return new StageTimings(enabled);
  }

  /**
   * Ends the current stage under a name and starts the next.
   *
   * @param stage the stage just ended, a fixed word
   */
  void lap(String stage) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    names.add(stage);
    nanos.add(now - mark);
    mark = now;
  }

  /**
   * Wraps a listener for an operation whose inner stage {@code stage} is timed: the operation's time until
   * the stage's first report is {@code before}, from its first to its last report {@code stage}, the rest
   * {@code after} (recorded by {@link #lapWatched}).
   *
   * @param listener the listener to pass the reports on to
   * @param stage the progress stage to watch
   * @return the wrapping listener
   */
  ProgressListener watch(ProgressListener listener, String stage) {
    this.inner = listener;
    this.watched = stage;
    this.watchedFirst = -1;
    this.watchedLast = -1;
    return this;
  }

  @Override
  public void onProgress(String stage, long done, long total) {
    if (enabled && stage.equals(watched)) {
      long now = System.nanoTime();
      if (watchedFirst < 0) {
        watchedFirst = now;
      }
      watchedLast = now;
    }
    inner.onProgress(stage, done, total);
  }

  /**
   * Ends an operation timed with {@link #watch}: three stages, or one named {@code whole} when the watched
   * stage never reported.
   *
   * @param before the name of the part before the watched stage
   * @param stage the name of the watched stage
   * @param after the name of the part after it
   * @param whole the name of the whole operation when the watched stage never reported
   */
  void lapWatched(String before, String stage, String after, String whole) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (watchedFirst < 0) {
      lap(whole);
      return;
    }
    names.add(before);
    nanos.add(watchedFirst - mark);
    names.add(stage);
    nanos.add(watchedLast - watchedFirst);
    names.add(after);
    nanos.add(now - watchedLast);
    mark = now;
  }

  /**
   * Prints one line: {@code timings: start-up N ms, STAGE N ms, ..., total N ms, cpu N ms, heap peak N MiB}.
   *
   * @param err where to print (standard error)
   */
  void print(PrintWriter err) {
    if (!enabled) {
      return;
    }
    StringBuilder sb = new StringBuilder("timings: start-up ").append(startupMillis).append(" ms");
    long total = 0;
    for (int i = 0; i < names.size(); i++) {
      long ms = nanos.get(i) / 1_000_000;
      total += nanos.get(i);
      sb.append(", ").append(names.get(i)).append(' ').append(ms).append(" ms");
    }
    long heap = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
        heap += p.getPeakUsage().getUsed();
      }
    }
    sb.append(String.format(Locale.ROOT, ", total %d ms, cpu %d ms, heap peak %d MiB, processors %d",
        total / 1_000_000, (processCpuNanos() - cpuAtStartNanos) / 1_000_000, heap >> 20,
        Runtime.getRuntime().availableProcessors()));
    err.println(sb);
    err.flush();
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
