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
  private List<String> watched = List.of();
  private long[] watchedFirst = new long[0];
  private long[] watchedLast = new long[0];

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
   * Wraps a listener for an operation whose inner stages are timed, in the order they run: the operation's
   * time until the first stage's first report, each stage from its first to its last report, the time between
   * two stages, and the rest after the last (recorded by {@link #lapWatched(List, String)}).
   *
   * @param listener the listener to pass the reports on to
   * @param stages the progress stages to watch, in the order the operation runs them
   * @return the wrapping listener
   */
  ProgressListener watch(ProgressListener listener, String... stages) {
    this.inner = listener;
    this.watched = List.of(stages);
    this.watchedFirst = new long[stages.length];
    this.watchedLast = new long[stages.length];
    java.util.Arrays.fill(watchedFirst, -1);
    java.util.Arrays.fill(watchedLast, -1);
    return this;
  }

  @Override
  public void onProgress(String stage, long done, long total) {
    if (enabled) {
      int i = watched.indexOf(stage);
      if (i >= 0) {
        long now = System.nanoTime();
        if (watchedFirst[i] < 0) {
          watchedFirst[i] = now;
        }
        watchedLast[i] = now;
      }
    }
    inner.onProgress(stage, done, total);
  }

  /**
   * Ends an operation timed with {@link #watch} of one stage: three stages, or one named {@code whole} when
   * the watched stage never reported.
   *
   * @param before the name of the part before the watched stage
   * @param stage the name of the watched stage
   * @param after the name of the part after it
   * @param whole the name of the whole operation when the watched stage never reported
   */
  void lapWatched(String before, String stage, String after, String whole) {
    lapWatched(List.of(before, stage, after), whole);
  }

  /**
   * Ends an operation timed with {@link #watch}: for n watched stages, 2n + 1 parts (before the first, the
   * first, between the first and the second, ..., the last, after it), or one part named {@code whole} when
   * a watched stage never reported.
   *
   * @param parts the names of the 2n + 1 parts, fixed words
   * @param whole the name of the whole operation when a watched stage never reported
   */
  void lapWatched(List<String> parts, String whole) {
    if (!enabled) {
      return;
    }
    if (parts.size() != 2 * watched.size() + 1) {
      throw new IllegalArgumentException("parts: " + parts.size() + " names for " + watched.size() + " stages");
    }
    long now = System.nanoTime();
    for (int i = 0; i < watched.size(); i++) {
      if (watchedFirst[i] < 0 || (i > 0 && watchedFirst[i] < watchedLast[i - 1])) {
        lap(whole);
        return;
      }
    }
    long from = mark;
    for (int i = 0; i < watched.size(); i++) {
      names.add(parts.get(2 * i));
      nanos.add(watchedFirst[i] - from);
      names.add(parts.get(2 * i + 1));
      nanos.add(watchedLast[i] - watchedFirst[i]);
      from = watchedLast[i];
    }
    names.add(parts.get(parts.size() - 1));
    nanos.add(now - from);
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
