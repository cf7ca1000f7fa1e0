package org.ctdc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ctdc.schema.Dataset;
import org.ctdc.schema.Schema;
import org.ctdc.schema.ValueSet;
import org.ctdc.schema.Variable;
import org.ctdc.schema.VariableKind;
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
    Schema.Builder sb = Schema.builder("bench", "1");
    int[] sizes = new int[COLUMNS];
    for (int c = 0; c < COLUMNS; c++) {
      sizes[c] = 2 + c % 7;
      String[] codes = new String[sizes[c]];
      for (int v = 0; v < sizes[c]; v++) {
        codes[v] = "v" + v;
      }
      sb.add(Variable.builder("c" + c, VariableKind.CATEGORICAL).values(ValueSet.ofCodes(codes)).build());
    }
    Schema schema = sb.build();
    SplittableRandom rnd = new SplittableRandom(seed);
    Dataset.Appender a = Dataset.appender(schema);
    for (int r = 0; r < rows; r++) {
      int first = rnd.nextInt(sizes[0]);
      a.setCode(0, first);
      for (int c = 1; c < COLUMNS; c++) {
        if (rnd.nextInt(10) == 0) {
          continue;
        }
        int v = rnd.nextInt(3) == 0 ? first % sizes[c] : 0;
        while (v < sizes[c] - 1 && rnd.nextInt(4) == 0) {
          v++;
        }
        a.setCode(c, v);
      }
      a.endRow();
    }
    return a.build();
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
