package org.ctdc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ctdc.samples.SynthSamples;
import org.ctdc.schema.Dataset;
import org.ctdc.synth.Aggregates;
import org.ctdc.synth.SynthConfig;
import org.ctdc.synth.Synthesizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ctdc-synth (issue 17): DP aggregation (noisy record count, percentiles, discrete Gaussian noise on every
 * candidate, thresholds, normalisation), k-synthetic aggregation, and aggregate-seeded synthesis, on generated
 * records of 20 categorical columns (2 to 8 values each, skewed and correlated with the first column, as case
 * data are), epsilon 4, all processors. One operation is one whole run; the data and, for synthesis, the
 * aggregates are made in setup. Not thread-safe (JMH state).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SynthBenchmark {

  static final int COLUMNS = 20;

  @Param({"10000", "100000", "1000000"})
  public int rows;

  @Param({"3", "4"})
  public int reportingLength;

  private Dataset data;
  private Synthesizer dp;
  private Synthesizer kSynthetic;
  private Aggregates aggregates;

  /** Builds the data, the synthesisers and the aggregates synthesis starts from. */
  @Setup(Level.Trial)
  public void setUp() {
    data = generate(rows, 2024);
    List<String> names = new ArrayList<>();
    for (int c = 0; c < COLUMNS; c++) {
      names.add("c" + c);
    }
    dp = Synthesizer.of(SynthConfig.builder(SynthConfig.Mode.DP, reportingLength).columns(names).epsilon(4)
        .seed(1).build());
    kSynthetic = Synthesizer.of(SynthConfig.builder(SynthConfig.Mode.K_SYNTHETIC, reportingLength).columns(names)
        .resolution(10).seed(1).build());
    aggregates = dp.aggregate(data);
  }

  static Dataset generate(int rows, long seed) {
    return SynthSamples.categorical(rows, COLUMNS, seed);
  }

  /** @return DP aggregates of the data */
  @Benchmark
  public Aggregates aggregateDp() {
    return dp.aggregate(data);
  }

  /** @return k-synthetic aggregates of the data */
  @Benchmark
  public Aggregates aggregateKSynthetic() {
    return kSynthetic.aggregate(data);
  }

  /** @return synthetic records from the DP aggregates */
  @Benchmark
  public Dataset synthesize() {
    return dp.synthesize(aggregates);
  }
}
