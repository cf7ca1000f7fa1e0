package org.ctdc.bench;

import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.ctdc.core.Aligner;
import org.ctdc.core.AlignmentResult;
import org.ctdc.core.Specs;
import org.ctdc.samples.PartnerSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Alignment throughput in rows per second (one operation = one row, through
 * {@code @OperationsPerInvocation}), on one thread: the generated partner extracts aligned with their
 * bundled specs onto {@code ctdc-global-kanon} 2020, from in-memory rows ({@code Iterable<Map>}) and from
 * CSV text. Rows and CSV are built in setup, outside the measurement. Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class AlignmentBenchmark {

  static final int ROWS = 100_000;

  /** The distinct rows of {@link #fromMemoryCycled}, few enough to stay in the processor's caches. */
  static final int HOT_ROWS = 1_000;

  @Param({"HOTLINE", "CASE_MANAGEMENT"})
  public String profile;

  private Aligner aligner;
  private List<Map<String, String>> rows;
  private Iterable<Map<String, String>> cycled;
  private String csv;

  /** Builds the rows, the CSV text and the aligner. */
  @Setup(Level.Trial)
  public void setUp() {
    PartnerSamples.Profile p = PartnerSamples.Profile.valueOf(profile);
    aligner = Aligner.of(Specs.load(p.specName()));
    rows = new ArrayList<>(ROWS);
    PartnerSamples.rows(p, ROWS, 2024).forEach(rows::add);
    List<Map<String, String>> hot = rows.subList(0, HOT_ROWS);
    cycled = () -> new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < ROWS;
      }

      @Override
      public Map<String, String> next() {
        if (i >= ROWS) {
          throw new NoSuchElementException();
        }
        return hot.get(i++ % HOT_ROWS);
      }
    };
    StringWriter w = new StringWriter();
    PartnerSamples.writeCsv(p, ROWS, 2024, w);
    csv = w.toString();
    AlignmentResult check = aligner.align(rows, "check");
    if (check.report().rowsRejected() != 0) {
      throw new IllegalStateException("the sample should align without rejects");
    }
  }

  /** @return the aligned result of the in-memory rows */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public AlignmentResult fromMemory() {
    return aligner.align(rows, "memory");
  }

  /**
   * The same number of in-memory rows, but the first {@link #HOT_ROWS} rows cycled: the rows stay in
   * the processor's caches, as rows a partner's code produces while they are aligned do, where the
   * 100,000 maps of {@link #fromMemory} (about 100 MB) are read from main memory.
   *
   * @return the aligned result of the cycled rows
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public AlignmentResult fromMemoryCycled() {
    return aligner.align(cycled, "memory-cycled");
  }

  /** @return the aligned result of the CSV text */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public AlignmentResult fromCsv() {
    return aligner.alignCsv(new StringReader(csv), "sample.csv");
  }

  /**
   * CPU-time harness for a shared machine: aligns the rows of each profile several times on this thread
   * and prints rows per CPU-second ({@code ThreadMXBean.getCurrentThreadCpuTime}) beside rows per
   * wall-second, so that the figure does not depend on what other processes do.
   *
   * @param args optional: repetitions per profile and input (default 12; the first half is warm-up), and
   *     one profile (default both)
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 12;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] profiles = args.length > 1 ? new String[] {args[1]} : new String[] {"HOTLINE", "CASE_MANAGEMENT"};
    for (String prof : profiles) {
      AlignmentBenchmark b = new AlignmentBenchmark();
      b.profile = prof;
      b.setUp();
      for (String input : new String[] {"memory", "memory-cycled", "csv"}) {
        double best = 0;
        double sum = 0;
        int measured = 0;
        for (int rep = 0; rep < reps; rep++) {
          long c0 = mx.getCurrentThreadCpuTime();
          long w0 = System.nanoTime();
          AlignmentResult r =
              input.equals("memory") ? b.fromMemory()
                  : input.equals("csv") ? b.fromCsv()
                  : b.fromMemoryCycled();
          long cpu = mx.getCurrentThreadCpuTime() - c0;
          long wall = System.nanoTime() - w0;
          if (r.report().rowsAligned() != ROWS) {
            throw new IllegalStateException("unexpected row count");
          }
          double perCpu = ROWS * 1e9 / cpu;
          if (rep >= reps / 2) {
            best = Math.max(best, perCpu);
            sum += perCpu;
            measured++;
          }
          System.out.printf(Locale.ROOT, "%s %s rep %d: %,.0f rows/CPU-s, %,.0f rows/wall-s%n",
              prof, input, rep, perCpu, ROWS * 1e9 / wall);
        }
        System.out.printf(Locale.ROOT, "%s %s: mean %,.0f rows/CPU-s, best %,.0f (last %d reps)%n",
            prof, input, sum / measured, best, measured);
      }
    }
  }
}
